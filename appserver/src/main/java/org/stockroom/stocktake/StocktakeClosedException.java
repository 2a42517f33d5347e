package org.stockroom.stocktake;

import org.stockroom.rules.RuleViolation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A posted or cancelled stocktake is read-only: it is not counted, posted or cancelled again. */
public class StocktakeClosedException extends RuleViolation {

    private final long stocktake;
    private final StocktakeStatus status;

    public StocktakeClosedException(long stocktake, StocktakeStatus status) {
        super("Stocktake " + stocktake + " is already " + status.name().toLowerCase(Locale.ROOT)
                + "; it can no longer be counted, posted or cancelled");
        this.stocktake = stocktake;
        this.status = status;
    }

    @Override
    public Rule rule() {
        return Rule.STOCKTAKE_CLOSED;
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("stocktake", stocktake);
        facts.put("stocktakeStatus", status.name());  // not "status": a problem's own member
        return facts;
    }
}
