package org.stockroom.stock;

import org.stockroom.rules.RuleViolation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A movement would take more stock out of a location than it holds, or, when it names a lot,
 * more of that lot than the location holds.
 */
public class InsufficientStockException extends RuleViolation {

    private final String sku;
    private final String locationCode;
    private final String lot;
    private final BigDecimal onHand;
    private final BigDecimal requested;

    public InsufficientStockException(String sku, String locationCode, BigDecimal onHand, BigDecimal requested) {
        this(sku, locationCode, null, onHand, requested);
    }

    private InsufficientStockException(String sku, String locationCode, String lot, BigDecimal onHand,
                                       BigDecimal requested) {
        super("Insufficient stock of " + sku + (lot == null ? "" : " lot " + lot) + " at " + locationCode + ": "
                + onHand.toPlainString() + " on hand, " + requested.toPlainString() + " requested");
        this.sku = sku;
        this.locationCode = locationCode;
        this.lot = lot;
        this.onHand = onHand;
        this.requested = requested;
    }

    /** Less of the named lot at the location than requested. */
    public static InsufficientStockException ofLot(String sku, String locationCode, String lot, BigDecimal onHand,
                                                   BigDecimal requested) {
        return new InsufficientStockException(sku, locationCode, lot, onHand, requested);
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
        if (lot != null) {
            facts.put("lot", lot);
        }
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
