package org.stockroom.movement;

import org.stockroom.location.Location;
import org.stockroom.product.Product;
import org.stockroom.rules.RuleViolation.FieldViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated request to record one movement; location fields hold location codes. {@code lot}
 * names the lot of a lot-tracked product the stock goes into or comes from (null: for stock
 * leaving, the first to expire), {@code expiresOn} the expiry of a lot that stock arriving starts,
 * {@code reservation} the id of the reservation an ISSUE takes its stock from (null: available stock).
 */
public record MovementCommand(MovementType type, String sku, BigDecimal quantity, String from, String to,
                              String reason, String reference, String lot, LocalDate expiresOn, Long reservation) {

    /** A command that names no lot and no reservation. */
    public MovementCommand(MovementType type, String sku, BigDecimal quantity, String from, String to,
                           String reason, String reference) {
        this(type, sku, quantity, from, to, reason, reference, null, null, null);
    }

    /** Refuses a command without its type's shape, before anything it names is looked up. */
    void requireShape() {
        type.requireShape(quantity, from, to, reason);
        List<FieldViolation> violations = new ArrayList<>();
        if (expiresOn != null && !startsALot()) {
            violations.add(new FieldViolation("expiresOn", "must be empty for " + type + " with a quantity of "
                    + quantity.toPlainString() + ": only stock arriving (RECEIVE, or ADJUST up) can start a lot"));
        }
        if (expiresOn != null && lot == null) {
            violations.add(new FieldViolation("lot", "is required with expiresOn"));
        }
        if (reservation != null && type != MovementType.ISSUE) {
            violations.add(new FieldViolation("reservation", "must be empty for " + type
                    + ": only an ISSUE takes stock out of a reservation"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidMovementException(violations);
        }
    }

    /**
     * Refuses a lot for a product that keeps none, and a missing one where a lot-tracked product's
     * movement must name it: stock arriving (RECEIVE, ADJUST up) goes into a named lot, and an
     * ADJUST corrects one lot. An ISSUE or TRANSFER without one takes the first to expire.
     */
    void requireLotFits(Product product) {
        if (lot != null && !product.isLotTracked()) {
            throw new InvalidMovementException(List.of(new FieldViolation("lot",
                    "must be empty: product " + product.sku() + " is not lot-tracked")));
        }
        if (lot == null && product.isLotTracked() && (type == MovementType.RECEIVE || type == MovementType.ADJUST)) {
            throw new InvalidMovementException(List.of(new FieldViolation("lot",
                    "is required for " + type + ": product " + product.sku() + " is lot-tracked")));
        }
    }

    private boolean startsALot() {
        return type == MovementType.RECEIVE || (type == MovementType.ADJUST && quantity.signum() > 0);
    }

    /** The movement this command asks for, of the product and locations it names. */
    StockMovement movementOf(Product product, Location fromLocation, Location toLocation, String recordedBy) {
        return movementOf(product, fromLocation, toLocation, reference, recordedBy);
    }

    /** The same, with {@code reference} for the command's (an ISSUE against a reservation takes the reservation's). */
    StockMovement movementOf(Product product, Location fromLocation, Location toLocation, String reference,
                             String recordedBy) {
        return switch (type) {
            case RECEIVE -> StockMovement.receipt(product, toLocation, quantity, reason, reference, recordedBy);
            case ISSUE -> StockMovement.issue(product, fromLocation, quantity, reason, reference, recordedBy);
            case TRANSFER -> StockMovement.transfer(product, fromLocation, toLocation, quantity, reason, reference,
                    recordedBy);
            case ADJUST -> StockMovement.adjustment(product, fromLocation, toLocation, quantity, reason, reference,
                    recordedBy);
        };
    }
}
