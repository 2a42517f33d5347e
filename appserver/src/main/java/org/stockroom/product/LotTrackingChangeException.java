package org.stockroom.product;

import org.stockroom.rules.RuleViolation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A product's lot tracking cannot be switched while it has stock: switched on, that stock would
 * be in no lot; switched off, its lots would no longer count.
 */
public class LotTrackingChangeException extends RuleViolation {

    private final BigDecimal onHand;

    public LotTrackingChangeException(String sku, boolean lotTracked, BigDecimal onHand) {
        super("Product '" + sku + "' still has " + onHand.toPlainString() + " on hand; lot tracking can be switched "
                + (lotTracked ? "on" : "off") + " only when none is on hand");
        this.onHand = onHand;
    }

    @Override
    public Rule rule() {
        return Rule.STOCK_ON_HAND;
    }

    @Override
    public Map<String, Object> facts() {
        return Map.of("onHand", onHand);
    }
}
