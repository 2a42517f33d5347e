package org.stockroom.lot;

import org.stockroom.rules.RuleViolation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A location holds enough of a lot-tracked product, but not enough in lots that have not expired:
 * first expiry first never hands out expired stock by itself. Naming the lot takes it anyway
 * (to scrap or return it).
 */
public class ExpiredStockException extends RuleViolation {

    private final String sku;
    private final String locationCode;
    private final BigDecimal usable;
    private final BigDecimal requested;
    private final List<String> expiredLots;

    public ExpiredStockException(String sku, String locationCode, BigDecimal usable, BigDecimal requested,
                                 List<String> expiredLots) {
        super("Only " + usable.toPlainString() + " of " + sku + " at " + locationCode + " is in lots that have not "
                + "expired, " + requested.toPlainString() + " requested; the rest is in expired lots ("
                + String.join(", ", expiredLots) + "), which are taken only when named");
        this.sku = sku;
        this.locationCode = locationCode;
        this.usable = usable;
        this.requested = requested;
        this.expiredLots = List.copyOf(expiredLots);
    }

    @Override
    public Rule rule() {
        return Rule.EXPIRED_STOCK;
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("sku", sku);
        facts.put("location", locationCode);
        facts.put("usable", usable);
        facts.put("requested", requested);
        facts.put("expiredLots", expiredLots);
        return facts;
    }
}
