package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Stock held at a location for a reference (an order): {@code remaining} is what it still holds,
 * 0 once it is not OPEN; {@code version} is its ETag for {@code release}.
 */
@JsonbPropertyOrder({"id", "sku", "location", "reference", "quantity", "remaining", "status", "expiresAt",
        "createdAt", "createdBy", "version"})
public record Reservation(long id, String sku, String location, String reference, BigDecimal quantity,
                          BigDecimal remaining, ReservationStatus status, Instant expiresAt, Instant createdAt,
                          String createdBy, long version) {
}
