package org.stockroom.reservation;

import java.math.BigDecimal;

/**
 * The fact that a reservation stopped holding {@code quantity}: released by a clerk, or shortened
 * by a stocktake that found less on hand than was reserved ({@code reason} says which).
 */
public record ReservationReleased(Reservation reservation, BigDecimal quantity, String reason) {
}
