package org.stockroom.lot;

import org.stockroom.rules.RuleViolation;

/** A movement names a lot the product does not have. */
public class UnknownLotException extends RuleViolation {

    public UnknownLotException(String sku, String lot) {
        super("Product '" + sku + "' has no lot '" + lot + "'");
    }

    @Override
    public Rule rule() {
        return Rule.NOT_FOUND;
    }
}
