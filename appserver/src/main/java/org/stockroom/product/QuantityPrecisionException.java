package org.stockroom.product;

import org.stockroom.rules.RuleViolation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A quantity has more decimal places than the product's unit counts in (1.5 of something counted in EA). */
public class QuantityPrecisionException extends RuleViolation {

    private final String field;
    private final String unitOfMeasure;
    private final int decimalPlaces;

    public QuantityPrecisionException(String field, BigDecimal quantity, String sku, String unitOfMeasure,
                                      int decimalPlaces) {
        super(field + " " + quantity.toPlainString() + " is finer than " + sku + " is counted in: "
                + describe(unitOfMeasure, decimalPlaces));
        this.field = field;
        this.unitOfMeasure = unitOfMeasure;
        this.decimalPlaces = decimalPlaces;
    }

    private static String describe(String unit, int places) {
        return places == 0 ? "whole " + unit : unit + " to " + places + " decimal place" + (places == 1 ? "" : "s");
    }

    @Override
    public Rule rule() {
        return Rule.QUANTITY_PRECISION;
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("unitOfMeasure", unitOfMeasure);
        facts.put("decimalPlaces", decimalPlaces);
        return facts;
    }

    @Override
    public List<FieldViolation> fieldViolations() {
        return List.of(new FieldViolation(field, "must have at most " + decimalPlaces + " decimal places for "
                + unitOfMeasure));
    }
}
