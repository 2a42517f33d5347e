package org.stockroom.reservation;

import java.math.BigDecimal;

/** The fact that a reservation expired, making the {@code quantity} it still held available again. */
public record ReservationExpired(Reservation reservation, BigDecimal quantity) {
}
