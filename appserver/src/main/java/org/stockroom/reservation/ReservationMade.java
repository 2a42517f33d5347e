package org.stockroom.reservation;

/** The fact that a reservation was made (fired as a CDI event inside its transaction). */
public record ReservationMade(Reservation reservation) {
}
