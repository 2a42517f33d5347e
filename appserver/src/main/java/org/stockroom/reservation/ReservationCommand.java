package org.stockroom.reservation;

import java.math.BigDecimal;
import java.time.Instant;

/** A validated request to reserve stock; {@code expiresAt} null takes the server's default time to live. */
public record ReservationCommand(String sku, String location, BigDecimal quantity, String reference, Instant expiresAt) {
}
