package org.stockroom.reservation;

import java.math.BigDecimal;

/**
 * The fact that an ISSUE (movement {@code movementId}) took {@code quantity} out of a reservation;
 * the reservation is CONSUMED once it holds nothing more.
 */
public record ReservationConsumed(Reservation reservation, BigDecimal quantity, long movementId) {
}
