package org.stockroom.reservation;

/** What a reservation is of, and for, read without loading (or locking) the reservation itself. */
public record ReservationKey(String sku, String locationCode, String reference) {
}
