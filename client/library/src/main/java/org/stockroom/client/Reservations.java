package org.stockroom.client;

import org.stockroom.client.model.NewReservation;
import org.stockroom.client.model.Reservation;
import org.stockroom.client.model.ReservationQuery;

/**
 * Reservations, {@code /reservations}: stock held at a location for a reference, so that only what is
 * available (on hand - reserved) can be issued without one. From {@link StockroomClient#reservations()}.
 * Issue against a reservation with {@code NewMovement.issue(...).withReservation(id)}.
 */
public final class Reservations {

    private final Transport transport;

    Reservations(Transport transport) {
        this.transport = transport;
    }

    /** Reserves; refused (409 insufficient-available) when less is available. Sent once. */
    public Versioned<Reservation> reserve(NewReservation reservation) {
        return transport.sendVersioned(Call.post("/reservations", reservation), Reservation.class);
    }

    /** Reserves, retried as the {@link RetryPolicy} allows with the same key; reserved once. */
    public Versioned<Reservation> reserve(NewReservation reservation, String idempotencyKey) {
        return transport.sendVersioned(Call.post("/reservations", reservation).idempotencyKey(idempotencyKey),
                Reservation.class);
    }

    /** One page of reservations, newest first. */
    public Page<Reservation> list(ReservationQuery query) {
        return transport.page("/reservations" + new QueryString()
                .add("sku", query.sku())
                .add("location", query.location())
                .add("reference", query.reference())
                .add("status", query.status())
                .page(query.limit(), query.after()), Reservation.class);
    }

    /** The reservation and its ETag for {@link #release}. */
    public Versioned<Reservation> get(long id) {
        return transport.sendVersioned(Call.get("/reservations/" + id), Reservation.class);
    }

    /**
     * Releases what the reservation still holds, if it is as it was when read with {@code etag}
     * ({@code *}: whatever its version): 412 if an issue drew on it since, 409 if it is not OPEN. Sent once.
     */
    public Versioned<Reservation> release(long id, String etag) {
        Call call = Call.post("/reservations/" + id + "/release", null);
        // Without one the server answers 428, which says what is missing.
        return transport.sendVersioned(etag == null ? call : call.header("If-Match", etag), Reservation.class);
    }
}
