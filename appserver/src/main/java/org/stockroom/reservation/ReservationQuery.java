package org.stockroom.reservation;

/**
 * The filters of the reservation list; null means "any". A status filter sees a reservation past its
 * expiry that the sweep has not closed yet as EXPIRED, as its view shows it.
 */
public record ReservationQuery(String sku, String locationCode, String reference, ReservationStatus status) {
}
