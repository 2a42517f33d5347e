package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The body of {@code POST /movements}. Build one with the factory for its type, which
 * puts the locations where the server expects them; reason and reference are optional
 * except that an adjustment needs a reason. For a lot-tracked product, {@link #withLot} names
 * the lot (required to receive or adjust; for an issue or transfer without one the server takes
 * the first to expire) and {@link #withExpiresOn} the expiry of a lot a receipt starts. An issue
 * {@link #withReservation} takes its stock out of that reservation; without one, only available stock.
 */
@JsonbPropertyOrder({"type", "sku", "quantity", "from", "to", "reason", "reference", "lot", "expiresOn",
        "reservation"})
public record NewMovement(MovementType type, String sku, BigDecimal quantity, String from, String to,
                          String reason, String reference, String lot, LocalDate expiresOn, Long reservation) {

    /** A movement that names no reservation. */
    public NewMovement(MovementType type, String sku, BigDecimal quantity, String from, String to,
                       String reason, String reference, String lot, LocalDate expiresOn) {
        this(type, sku, quantity, from, to, reason, reference, lot, expiresOn, null);
    }

    /** A movement that names no lot. */
    public NewMovement(MovementType type, String sku, BigDecimal quantity, String from, String to,
                       String reason, String reference) {
        this(type, sku, quantity, from, to, reason, reference, null, null, null);
    }

    /** The same movement, of the lot {@code lot} (null: none named). */
    public NewMovement withLot(String lot) {
        return new NewMovement(type, sku, quantity, from, to, reason, reference, lot, expiresOn, reservation);
    }

    /** The same movement, starting a lot that expires on {@code expiresOn} (null: it does not expire). */
    public NewMovement withExpiresOn(LocalDate expiresOn) {
        return new NewMovement(type, sku, quantity, from, to, reason, reference, lot, expiresOn, reservation);
    }

    /** The same issue, taking its stock out of reservation {@code reservation} (null: out of available stock). */
    public NewMovement withReservation(Long reservation) {
        return new NewMovement(type, sku, quantity, from, to, reason, reference, lot, expiresOn, reservation);
    }

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
