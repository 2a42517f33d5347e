package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the append-only stock ledger; {@code lots} are the lots it moved (a lot-tracked product's),
 * {@code reservation} the id of the reservation an ISSUE took its stock out of (null for any other).
 */
@JsonbPropertyOrder({"id", "type", "sku", "quantity", "from", "to", "reason", "reference",
        "occurredAt", "recordedBy", "lots", "reservation"})
public record Movement(long id, MovementType type, String sku, BigDecimal quantity, String from, String to,
                       String reason, String reference, Instant occurredAt, String recordedBy,
                       List<MovementLot> lots, Long reservation) {

    @JsonbCreator  // the one JSON-B reads answers with (a record with two constructors needs telling)
    public Movement {
        lots = lots == null ? List.of() : List.copyOf(lots);
    }

    /** A movement that drew on no reservation. */
    public Movement(long id, MovementType type, String sku, BigDecimal quantity, String from, String to,
                    String reason, String reference, Instant occurredAt, String recordedBy, List<MovementLot> lots) {
        this(id, type, sku, quantity, from, to, reason, reference, occurredAt, recordedBy, lots, null);
    }

    /** A movement that moved no lots. */
    public Movement(long id, MovementType type, String sku, BigDecimal quantity, String from, String to,
                    String reason, String reference, Instant occurredAt, String recordedBy) {
        this(id, type, sku, quantity, from, to, reason, reference, occurredAt, recordedBy, List.of(), null);
    }
}
