package org.stockroom.product;
import org.stockroom.rules.RuleViolation;

/**
 * A product cannot change to a unit with fewer decimal places than its ledger already holds
 * (from M to EA after 2.5 m were issued): the history must still read in the product's unit.
 */
public class UnitTooCoarseException extends RuleViolation {

    public UnitTooCoarseException(String sku, String unitOfMeasure, int decimalPlaces) {
        super("Product '" + sku + "' has movements finer than " + unitOfMeasure + " counts ("
                + decimalPlaces + " decimal places); keep a unit at least as fine");
    }

    @Override
    public Rule rule() {
        return Rule.UNIT_TOO_COARSE;
    }
}
