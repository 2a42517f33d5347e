package org.stockroom.lot;

import org.stockroom.rules.RuleViolation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A movement names a lot and would take more of it out of a location than the location holds. */
public class InsufficientLotStockException extends RuleViolation {

    private final String sku;
    private final String locationCode;
    private final String lot;
    private final BigDecimal onHand;
    private final BigDecimal requested;

    public InsufficientLotStockException(String sku, String locationCode, String lot, BigDecimal onHand,
                                         BigDecimal requested) {
        super("Insufficient stock of " + sku + " lot " + lot + " at " + locationCode + ": " + onHand.toPlainString()
                + " on hand, " + requested.toPlainString() + " requested");
        this.sku = sku;
        this.locationCode = locationCode;
        this.lot = lot;
        this.onHand = onHand;
        this.requested = requested;
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
        facts.put("lot", lot);
        facts.put("onHand", onHand);
        facts.put("requested", requested);
        return facts;
    }
}
