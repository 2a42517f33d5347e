package org.stockroom.product;

import org.stockroom.rules.RuleViolation;

import java.math.BigDecimal;
import java.util.Map;

/** A product cannot be archived while any location still holds some of it. */
public class StockOnHandException extends RuleViolation {

    private final BigDecimal onHand;

    public StockOnHandException(String sku, BigDecimal onHand) {
        super("Product '" + sku + "' still has " + onHand + " on hand; issue or adjust it to zero before archiving");
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
