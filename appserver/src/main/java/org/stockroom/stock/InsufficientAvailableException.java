package org.stockroom.stock;

import org.stockroom.rules.RuleViolation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stock is on hand, but reservations hold part of it: a movement without a reservation, or a new
 * reservation, may take only what is available (on hand - reserved).
 */
public class InsufficientAvailableException extends RuleViolation {

    private final String sku;
    private final String locationCode;
    private final BigDecimal onHand;
    private final BigDecimal reserved;
    private final BigDecimal requested;

    public InsufficientAvailableException(String sku, String locationCode, BigDecimal onHand, BigDecimal reserved,
                                          BigDecimal requested) {
        super("Insufficient available stock of " + sku + " at " + locationCode + ": " + onHand.toPlainString()
                + " on hand, " + reserved.toPlainString() + " of it reserved, " + onHand.subtract(reserved).toPlainString()
                + " available, " + requested.toPlainString() + " requested");
        this.sku = sku;
        this.locationCode = locationCode;
        this.onHand = onHand;
        this.reserved = reserved;
        this.requested = requested;
    }

    @Override
    public Rule rule() {
        return Rule.INSUFFICIENT_AVAILABLE;
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("sku", sku);
        facts.put("location", locationCode);
        facts.put("onHand", onHand);
        facts.put("reserved", reserved);
        facts.put("available", onHand.subtract(reserved));
        facts.put("requested", requested);
        return facts;
    }

    public BigDecimal available() {
        return onHand.subtract(reserved);
    }
}
