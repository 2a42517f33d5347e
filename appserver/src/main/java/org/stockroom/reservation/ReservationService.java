package org.stockroom.reservation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.stockroom.location.Location;
import org.stockroom.location.LocationRepository;
import org.stockroom.product.Product;
import org.stockroom.product.ProductRepository;
import org.stockroom.rules.NotFoundException;
import org.stockroom.rules.StaleEditException;
import org.stockroom.security.CurrentUser;
import org.stockroom.stock.InsufficientStockException;
import org.stockroom.stock.Quantity;
import org.stockroom.stock.StockLevel;
import org.stockroom.stock.StockLevelId;
import org.stockroom.stock.StockLevelRepository;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Use cases of reservations: reserve, read, list, release, and expire those past their expiry.
 *
 * <p>Concurrency: reserving and releasing lock the product ({@code FOR NO KEY UPDATE}) and then the
 * stock level, as every movement does, so a reservation and a movement of the same stock run one
 * after the other and each sees what the other left: reserved never exceeds on hand, whatever the
 * number of clients or servers (the database checks it again, V17). Each is announced as a fact
 * ({@link ReservationMade}, {@link ReservationReleased}, {@link ReservationExpired}) in its
 * transaction, where the audit trail records it.
 */
@ApplicationScoped
public class ReservationService {

    private final ReservationRepository reservations;
    private final Reservations held;
    private final ProductRepository products;
    private final LocationRepository locations;
    private final StockLevelRepository levels;
    private final CurrentUser currentUser;
    private final Event<Object> events;
    private final Duration defaultTtl;

    @Inject
    public ReservationService(ReservationRepository reservations, Reservations held, ProductRepository products,
                              LocationRepository locations, StockLevelRepository levels, CurrentUser currentUser,
                              Event<Object> events,
                              @ConfigProperty(name = "stockroom.reservations.default-ttl", defaultValue = "P7D")
                              Duration defaultTtl) {
        if (defaultTtl.isNegative() || defaultTtl.isZero() || defaultTtl.compareTo(Reservation.LONGEST) > 0) {
            throw new IllegalArgumentException("a reservation's default time to live must be positive and at most "
                    + Reservation.LONGEST.toDays() + " days: " + defaultTtl);
        }
        this.reservations = reservations;
        this.held = held;
        this.products = products;
        this.locations = locations;
        this.levels = levels;
        this.currentUser = currentUser;
        this.events = events;
        this.defaultTtl = defaultTtl;
    }

    /**
     * Holds {@code quantity} of what is available at the location: 404 for an unknown SKU or location,
     * 409 for an archived product, 400 for a quantity finer than its unit, 422 for an expiry not in
     * the future, 409 when less is available than asked for.
     */
    @Transactional
    public Reservation reserve(ReservationCommand command) {
        Instant asked = Instant.now();
        if (command.expiresAt() != null && !command.expiresAt().isAfter(asked)) {
            throw new InvalidReservationException("expiresAt", "must be in the future");  // a 422 before any 404
        }
        Product product = products.findBySkuForUpdate(command.sku())
                .orElseThrow(() -> new NotFoundException("product", command.sku()));
        Location location = locations.findByCode(command.location())
                .orElseThrow(() -> new NotFoundException("location", command.location()));
        Instant expiresAt = command.expiresAt() != null ? command.expiresAt() : asked.plus(defaultTtl);
        // The reservation's own rules (archived product, precision, expiry) come before the stock there.
        new Reservation(product, location, command.reference(), command.quantity(), expiresAt,
                currentUser.username(), asked);
        StockLevel level = levels.lock(product, location).orElseThrow(() -> new InsufficientStockException(
                product.sku(), location.code(), product.inItsUnit(BigDecimal.ZERO),
                product.inItsUnit(command.quantity())));
        held.releaseExpired(level);
        Reservation reservation = new Reservation(product, location, command.reference(), command.quantity(),
                expiresAt, currentUser.username(), held.now());
        level.reserve(Quantity.of(command.quantity()));
        reservations.add(reservation);
        reservations.flush();
        events.fire(new ReservationMade(reservation));
        return reservation;
    }

    @Transactional
    public Reservation get(long id) {
        return reservations.find(id).orElseThrow(() -> new NotFoundException("reservation", Long.toString(id)));
    }

    @Transactional
    public List<Reservation> search(ReservationQuery query, Long beforeId, int limit, Instant now) {
        return reservations.search(query, beforeId, limit, now);
    }

    /**
     * Releases what an OPEN reservation still holds, if the client's version is still the current
     * one: 404 unknown, 409 not OPEN (whatever the version), 412 stale.
     */
    @Transactional
    public Reservation release(long id, LongPredicate isExpectedVersion) {
        ReservationKey key = reservations.keyOf(id)
                .orElseThrow(() -> new NotFoundException("reservation", Long.toString(id)));
        Product product = products.findBySkuForUpdate(key.sku()).orElseThrow();
        Location location = locations.findByCode(key.locationCode()).orElseThrow();
        StockLevel level = levels.lock(product, location).orElseThrow();
        held.releaseExpired(level);
        Instant now = held.now();
        Reservation reservation = reservations.lock(id).orElseThrow();
        if (reservation.statusAt(now) != ReservationStatus.OPEN) {
            throw new ReservationClosedException(id, reservation.statusAt(now));
        }
        if (!isExpectedVersion.test(reservation.version())) {
            throw new StaleEditException("Reservation " + id + " was changed since you read it (an issue against it);"
                    + " read it again", reservation.version());
        }
        BigDecimal released = reservation.release(now);
        level.unreserve(released);
        reservations.flush();
        events.fire(new ReservationReleased(reservation, released, "released"));
        return reservation;
    }

    /** Up to {@code limit} levels with OPEN reservations past their expiry, for the sweep. */
    @Transactional
    public List<StockLevelId> levelsWithExpired(int limit) {
        return reservations.levelsWithExpired(limit);
    }

    /**
     * Expires the level's reservations past their expiry, under its lock: a second server sweeping
     * the same level waits for this one and then finds nothing left to expire, so nothing is made
     * available twice.
     */
    @Transactional
    public void expireAt(StockLevelId key) {
        levels.lock(key).ifPresent(level -> {
            held.releaseExpired(level);
            reservations.flush();
        });
    }
}
