package org.stockroom.movement;

import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.math.BigDecimal;
import org.stockroom.lot.LotPicking;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A ledger line as the API shows it, with SKU and location codes rather than internal ids. */
@JsonbNillable
@Schema(description = "A line of the stock ledger", properties = {
        @SchemaProperty(name = "id", description = "Assigned by the server, increasing"),
        @SchemaProperty(name = "quantity",
                description = "Positive; for ADJUST a signed, non-zero correction; in the product's unit's decimal places"),
        @SchemaProperty(name = "from", nullable = true, description = "The location code the stock left"),
        @SchemaProperty(name = "to", nullable = true, description = "The location code the stock went to"),
        @SchemaProperty(name = "reason", nullable = true, description = "Why; always given for ADJUST"),
        @SchemaProperty(name = "reference", nullable = true, description = "An outside reference: an order, a job"),
        @SchemaProperty(name = "occurredAt", description = "When the server recorded it"),
        @SchemaProperty(name = "recordedBy", nullable = true,
                description = "Who recorded it; null only on movements recorded before log-in existed"),
        @SchemaProperty(name = "lots", description = "The lots it moved (a lot-tracked product's), first expiry first; "
                + "empty for any other product"),
        @SchemaProperty(name = "reservation", nullable = true, description = "The id of the reservation an ISSUE "
                + "took its stock out of; null for any other movement")})
public record MovementView(long id, MovementType type, String sku, BigDecimal quantity, String from, String to,
                           String reason, String reference, Instant occurredAt, String recordedBy,
                           List<MovedLotView> lots, Long reservation) {

    public static MovementView of(StockMovement m) {
        return new MovementView(m.id(), m.type(), m.product().sku(), m.product().inItsUnit(m.quantity()),
                m.from() == null ? null : m.from().code(), m.to() == null ? null : m.to().code(),
                m.reason(), m.reference(), m.occurredAt(), m.recordedBy(),
                m.lots().stream().sorted(Comparator.comparing(MovedLot::lot, LotPicking.FIRST_EXPIRY_FIRST))
                        .map(lot -> MovedLotView.of(lot, m)).toList(), m.reservationId());
    }
}
