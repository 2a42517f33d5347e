package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;
import java.time.Instant;

/** One entry of the append-only stock ledger. */
@JsonbPropertyOrder({"id", "type", "sku", "quantity", "from", "to", "reason", "reference",
        "occurredAt", "recordedBy"})
public record Movement(long id, MovementType type, String sku, BigDecimal quantity, String from, String to,
                       String reason, String reference, Instant occurredAt, String recordedBy) {
}
