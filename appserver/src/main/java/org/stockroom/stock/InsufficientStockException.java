package org.stockroom.stock;

import org.stockroom.rules.RuleViolation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A movement would take more stock out of a location than it holds. */
public class InsufficientStockException extends RuleViolation {

    private final String sku;
    private final String locationCode;
    private final BigDecimal onHand;
    private final BigDecimal requested;

    public InsufficientStockException(String sku, String locationCode, BigDecimal onHand, BigDecimal requested) {
        super("Insufficient stock of " + sku + " at " + locationCode + ": " + onHand.toPlainString() + " on hand, "
                + requested.toPlainString() + " requested");
        this.sku = sku;
        this.locationCode = locationCode;
        this.onHand = onHand;
        this.requested = requested;
    }

    @Override
    public Rule rule() {
        return Rule.INSUFFICIENT_STOCK;
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("sku", sku);
        facts.put("location", locationCode);
        facts.put("onHand", onHand);
        facts.put("requested", requested);
        return facts;
    }

    public BigDecimal onHand() {
        return onHand;
    }

    public BigDecimal requested() {
        return requested;
    }
}
