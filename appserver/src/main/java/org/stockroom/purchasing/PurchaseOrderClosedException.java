package org.stockroom.purchasing;

import org.stockroom.rules.RuleViolation;

import java.util.Map;

/** A RECEIVED or CANCELLED order takes no deliveries and cannot be cancelled (again). */
public class PurchaseOrderClosedException extends RuleViolation {

    private final PurchaseOrderStatus status;

    public PurchaseOrderClosedException(String number, PurchaseOrderStatus status) {
        super("Purchase order '" + number + "' is " + status + ": it is closed");
        this.status = status;
    }

    @Override
    public Rule rule() {
        return Rule.PURCHASE_ORDER_CLOSED;
    }

    @Override
    public Map<String, Object> facts() {
        return Map.of("status", status.name());
    }
}
