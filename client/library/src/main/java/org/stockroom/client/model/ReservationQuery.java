package org.stockroom.client.model;

/** Filters for {@code GET /reservations} (newest first); every field may be {@code null} for "any". */
public record ReservationQuery(String sku, String location, String reference, ReservationStatus status, Integer limit,
                               String after) {

    public static ReservationQuery all() {
        return new ReservationQuery(null, null, null, null, null, null);
    }

    public ReservationQuery withAfter(String cursor) {
        return new ReservationQuery(sku, location, reference, status, limit, cursor);
    }
}
