package org.stockroom.stocktake;

import org.stockroom.rules.RuleViolation;

import java.util.Map;

/** One location has at most one open stocktake: two would each correct the same difference. */
public class StocktakeAlreadyOpenException extends RuleViolation {

    private final long openStocktake;

    public StocktakeAlreadyOpenException(String location, long openStocktake) {
        super("Stocktake " + openStocktake + " of location '" + location + "' is still open; post or cancel it first");
        this.openStocktake = openStocktake;
    }

    @Override
    public Rule rule() {
        return Rule.ALREADY_EXISTS;
    }

    @Override
    public Map<String, Object> facts() {
        return Map.of("stocktake", openStocktake);
    }
}
