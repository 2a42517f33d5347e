package org.stockroom.purchasing;

import org.stockroom.rules.RuleViolation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A delivery would bring more of a line than was ordered, and the order does not allow over-receipt. */
public class OverReceiptException extends RuleViolation {

    private final String sku;
    private final BigDecimal ordered;
    private final BigDecimal received;
    private final BigDecimal outstanding;
    private final BigDecimal delivered;

    public OverReceiptException(String number, String sku, BigDecimal ordered, BigDecimal received,
                                BigDecimal outstanding, BigDecimal delivered) {
        super("Purchase order '" + number + "' expects " + outstanding.toPlainString() + " more of " + sku + " ("
                + ordered.toPlainString() + " ordered, " + received.toPlainString() + " received); "
                + delivered.toPlainString() + " is more than that, and the order does not allow over-receipt");
        this.sku = sku;
        this.ordered = ordered;
        this.received = received;
        this.outstanding = outstanding;
        this.delivered = delivered;
    }

    @Override
    public Rule rule() {
        return Rule.OVER_RECEIPT;
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("sku", sku);
        facts.put("ordered", ordered);
        facts.put("received", received);
        facts.put("outstanding", outstanding);
        facts.put("delivered", delivered);
        return facts;
    }
}
