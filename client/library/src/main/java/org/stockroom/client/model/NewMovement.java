package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;

/**
 * The body of {@code POST /movements}. Build one with the factory for its type, which
 * puts the locations where the server expects them; reason and reference are optional
 * except that an adjustment needs a reason.
 */
@JsonbPropertyOrder({"type", "sku", "quantity", "from", "to", "reason", "reference"})
public record NewMovement(MovementType type, String sku, BigDecimal quantity, String from, String to,
                          String reason, String reference) {

    /** Goods arriving at {@code to}, e.g. from a supplier. */
    public static NewMovement receive(String sku, BigDecimal quantity, String to, String reason, String reference) {
        return new NewMovement(MovementType.RECEIVE, sku, quantity, null, to, reason, reference);
    }

    /** Goods leaving the stockroom from {@code from}, e.g. used or sold. */
    public static NewMovement issue(String sku, BigDecimal quantity, String from, String reason, String reference) {
        return new NewMovement(MovementType.ISSUE, sku, quantity, from, null, reason, reference);
    }

    /** Goods moving between two locations. */
    public static NewMovement transfer(String sku, BigDecimal quantity, String from, String to,
                                       String reason, String reference) {
        return new NewMovement(MovementType.TRANSFER, sku, quantity, from, to, reason, reference);
    }

    /** A signed correction of the stock at one location, e.g. after a count; the reason is required. */
    public static NewMovement adjust(String sku, BigDecimal delta, String at, String reason, String reference) {
        return new NewMovement(MovementType.ADJUST, sku, delta, null, at, reason, reference);
    }
}
