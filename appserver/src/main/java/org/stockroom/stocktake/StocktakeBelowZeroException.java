package org.stockroom.stocktake;

import org.stockroom.rules.RuleViolation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posting would take stock below zero: the count found fewer than expected, and since the
 * count more was issued than the difference leaves. The count is stale; count the SKU again.
 */
public class StocktakeBelowZeroException extends RuleViolation {

    /** One line that cannot be posted: its count, what was expected then, and what is on hand now. */
    public record Shortfall(String sku, BigDecimal counted, BigDecimal expected, BigDecimal onHand) {

        BigDecimal after() {
            return onHand.add(counted.subtract(expected));
        }
    }

    private final String location;
    private final List<Shortfall> shortfalls;

    public StocktakeBelowZeroException(long stocktake, String location, List<Shortfall> shortfalls) {
        super(describe(stocktake, location, shortfalls.getFirst()) + (shortfalls.size() > 1
                ? " (and " + (shortfalls.size() - 1) + " more: " + String.join(", ",
                        shortfalls.subList(1, shortfalls.size()).stream().map(Shortfall::sku).toList()) + ")" : ""));
        this.location = location;
        this.shortfalls = List.copyOf(shortfalls);
    }

    private static String describe(long stocktake, String location, Shortfall first) {
        return "Posting stocktake " + stocktake + " would take " + first.sku() + " at " + location + " below zero, to "
                + Quantities.plain(first.after()) + ": counted " + Quantities.plain(first.counted()) + " against "
                + Quantities.plain(first.expected()) + " on hand then, " + Quantities.plain(first.onHand())
                + " on hand now; count " + first.sku() + " again";
    }

    @Override
    public Rule rule() {
        return Rule.STOCKTAKE_BELOW_ZERO;
    }

    @Override
    public Map<String, Object> facts() {
        Shortfall first = shortfalls.getFirst();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("sku", first.sku());
        facts.put("location", location);
        facts.put("counted", Quantities.plain(first.counted()));
        facts.put("expected", Quantities.plain(first.expected()));
        facts.put("onHand", Quantities.plain(first.onHand()));
        facts.put("skus", shortfalls.stream().map(Shortfall::sku).toList());
        return facts;
    }

    public List<Shortfall> shortfalls() {
        return shortfalls;
    }
}
