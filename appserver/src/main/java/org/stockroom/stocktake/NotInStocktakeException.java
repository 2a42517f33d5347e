package org.stockroom.stocktake;

import org.stockroom.rules.RuleViolation;

import java.util.Map;

/** A stocktake limited to some SKUs counts those only. */
public class NotInStocktakeException extends RuleViolation {

    private final String sku;

    public NotInStocktakeException(long stocktake, String sku) {
        super("Stocktake " + stocktake + " counts only its own SKUs, and " + sku + " is not one of them");
        this.sku = sku;
    }

    @Override
    public Rule rule() {
        return Rule.NOT_IN_STOCKTAKE;
    }

    @Override
    public Map<String, Object> facts() {
        return Map.of("sku", sku);
    }
}
