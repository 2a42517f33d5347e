package org.stockroom.movement;

import jakarta.json.bind.annotation.JsonbNillable;

import java.time.Instant;

/** A ledger line as the API shows it, with SKU and location codes rather than internal ids. */
@JsonbNillable
public record MovementView(long id, MovementType type, String sku, int quantity, String from, String to,
                           String reason, String reference, Instant occurredAt, String recordedBy) {

    public static MovementView of(StockMovement m) {
        return new MovementView(m.id(), m.type(), m.product().sku(), m.quantity(),
                m.from() == null ? null : m.from().code(), m.to() == null ? null : m.to().code(),
                m.reason(), m.reference(), m.occurredAt(), m.recordedBy());
    }
}
