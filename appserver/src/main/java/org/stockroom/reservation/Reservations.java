package org.stockroom.reservation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.stockroom.location.Location;
import org.stockroom.product.Product;
import org.stockroom.rules.NotFoundException;
import org.stockroom.stock.Quantity;
import org.stockroom.stock.StockLevel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the reservations of one stock level hold, changed only while the caller holds that level's
 * lock (and, before it, its product's, as every movement takes them): so reserved, on hand and the
 * reservations are read and written by one transaction at a time, on every server of a cluster.
 * Locks, always in this order: product, level, then the level's reservation rows.
 *
 * <p>Before anything checks what is available, {@link #releaseExpired} closes the level's reservations
 * past their expiry: an expired reservation never holds stock against a movement or a new reservation,
 * whether or not the periodic sweep ({@link ReservationSweeper}) has reached it yet.
 */
@ApplicationScoped
public class Reservations {

    private final ReservationRepository reservations;
    private final Event<Object> events;

    @Inject
    public Reservations(ReservationRepository reservations, Event<Object> events) {
        this.reservations = reservations;
        this.events = events;
    }

    /**
     * Under the level's lock: marks its OPEN reservations past their expiry EXPIRED and makes what they
     * held available again. No query where nothing is reserved, one where nothing has expired.
     */
    public void releaseExpired(StockLevel level) {
        if (level.reserved().signum() == 0) {
            return;  // nothing reserved, so no OPEN reservation here (V17 checks it at commit): no query at all
        }
        List<Long> expired = reservations.lockExpired(level);
        if (expired.isEmpty()) {
            return;
        }
        Instant now = now();
        for (long id : expired) {
            Reservation reservation = reservations.lock(id).orElseThrow();
            BigDecimal held = reservation.expire(now);
            level.unreserve(held);
            events.fire(new ReservationExpired(reservation, held));
        }
    }

    /**
     * The database's time for this transaction ({@code now()}): every expiry check of a write uses it,
     * as the database checks EXPIRED against it (the application servers' clocks may differ).
     */
    public Instant now() {
        return reservations.databaseNow();
    }

    /**
     * The identity of the reservation an ISSUE names, before any lock: 404 if there is none, 422 if
     * it is not of the product and location the ISSUE takes stock from.
     */
    public ReservationKey requireReservationOf(long id, Product product, Location from) {
        ReservationKey key = reservations.keyOf(id)
                .orElseThrow(() -> new NotFoundException("reservation", Long.toString(id)));
        if (!key.sku().equals(product.sku()) || !key.locationCode().equals(from.code())) {
            throw new InvalidReservationException("reservation", "is a reservation of " + key.sku() + " at "
                    + key.locationCode() + ", not of " + product.sku() + " at " + from.code());
        }
        return key;
    }

    /**
     * Under the level's lock (after {@link #releaseExpired}): an ISSUE takes {@code taken} out of the
     * reservation and out of the level's reserved stock, and returns the reservation.
     */
    public Reservation draw(long id, StockLevel level, Quantity taken) {
        Reservation reservation = reservations.lock(id)
                .orElseThrow(() -> new NotFoundException("reservation", Long.toString(id)));
        reservation.draw(taken, now());
        level.removeReserved(taken);
        return reservation;
    }

    /** Announces that movement {@code movementId} took {@code taken} out of the reservation (for the audit trail). */
    public void drawn(Reservation reservation, Quantity taken, long movementId) {
        events.fire(new ReservationConsumed(reservation, taken.value(), movementId));
    }

    /**
     * Under the level's lock (after {@link #releaseExpired}): shortens the newest OPEN reservations
     * first until the level reserves no more than {@code keep}, as a stocktake that found less on hand
     * than was reserved requires. The oldest promises are kept longest.
     */
    public void shortenTo(StockLevel level, BigDecimal keep, String reason, Instant now) {
        BigDecimal excess = level.reserved().subtract(keep.max(BigDecimal.ZERO));
        if (excess.signum() <= 0) {
            return;
        }
        List<Reservation> open = reservations.lockOpenNewestFirst(level);
        for (Reservation reservation : open) {
            if (excess.signum() <= 0) {
                break;
            }
            BigDecimal cut = excess.min(reservation.remaining());
            reservation.shorten(cut, now);
            level.unreserve(cut);
            excess = excess.subtract(cut);
            events.fire(new ReservationReleased(reservation, cut, reason));
        }
    }
}
