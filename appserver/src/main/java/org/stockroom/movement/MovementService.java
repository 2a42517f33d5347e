package org.stockroom.movement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.stockroom.security.CurrentUser;
import org.stockroom.location.Location;
import org.stockroom.location.LocationRepository;
import org.stockroom.lot.LotNumber;
import org.stockroom.lot.LotQuantity;
import org.stockroom.lot.Lots;
import org.stockroom.product.Product;
import org.stockroom.product.ProductRepository;
import org.stockroom.reservation.Reservation;
import org.stockroom.reservation.ReservationKey;
import org.stockroom.reservation.Reservations;
import org.stockroom.rules.NotFoundException;
import org.stockroom.stock.InsufficientStockException;
import org.stockroom.stock.Quantity;
import org.stockroom.stock.StockLevel;
import org.stockroom.stock.StockLevelRepository;

import java.math.BigDecimal;
import java.util.List;

/**
 * Records stock movements: each one appends a ledger line and changes the stock levels
 * it touches in the same transaction, so on hand always equals the sum of the ledger.
 *
 * <p>Concurrency: the product row is locked first ({@code FOR NO KEY UPDATE}: it cannot be
 * archived meanwhile, and the level change updates its total on hand by trigger, so movements
 * of one product queue there rather than deadlock on it), and each touched level is locked
 * with a locking read before it is read, so none sees a stale count. The product lock already
 * serialises all movements of a product, so a transfer's two levels need no order of their own.
 * The movement itself ({@link StockMovement}'s factories) refuses a wrong shape or an archived product.
 *
 * <p>Lots: a movement of a lot-tracked product also records which lots it moved, chosen while
 * its levels are locked: stock arriving goes into the lot it names; stock leaving comes out of
 * the lot it names, or else the first to expire ({@link Lots}).
 *
 * <p>Reservations: stock leaves a level (ISSUE, TRANSFER, ADJUST down) only out of what is available
 * there, on hand - reserved, once the level's reservations past their expiry have been closed under
 * its lock ({@link Reservations#releaseExpired}). An ISSUE that names a reservation takes its stock out
 * of that reservation instead (at most what it still holds), and keeps a link to it.
 *
 * <p>Each movement names the user who recorded it, and is announced ({@link MovementRecorded})
 * in its transaction, where the audit trail records it.
 */
@ApplicationScoped
public class MovementService {

    private final ProductRepository products;
    private final LocationRepository locations;
    private final StockLevelRepository levels;
    private final MovementRepository movements;
    private final CurrentUser currentUser;
    private final Event<MovementRecorded> recorded;
    private final Lots lots;
    private final Reservations reservations;

    @Inject
    public MovementService(ProductRepository products, LocationRepository locations,
                           StockLevelRepository levels, MovementRepository movements,
                           CurrentUser currentUser, Event<MovementRecorded> recorded, Lots lots,
                           Reservations reservations) {
        this.products = products;
        this.locations = locations;
        this.levels = levels;
        this.movements = movements;
        this.currentUser = currentUser;
        this.recorded = recorded;
        this.lots = lots;
        this.reservations = reservations;
    }

    @Transactional
    public StockMovement record(MovementCommand command) {
        command.requireShape();  // 422 before any lookup's 404
        Product product = products.findBySkuForUpdate(command.sku())
                .orElseThrow(() -> new NotFoundException("product", command.sku()));
        Location from = command.from() == null ? null : location(command.from());
        Location to = command.to() == null ? null : location(command.to());
        command.requireLotFits(product);
        String reference = command.reference();
        if (command.reservation() != null) {
            // 404, 422 before any lock; without a reference of its own, the issue takes the reservation's.
            ReservationKey key = reservations.requireReservationOf(command.reservation(), product, from);
            reference = reference != null ? reference : key.reference();
        }
        StockMovement movement = command.movementOf(product, from, to, reference, currentUser.username());

        Quantity moved = movement.moved();
        Reservation drawnOn = movement.source().map(source -> takeOut(product, source, moved, command.reservation()))
                .orElse(null);
        movement.destination().ifPresent(destination -> levels.lockOrCreate(product, destination).add(moved));
        if (drawnOn != null) {
            movement.drawsOn(drawnOn.id());
        }
        if (product.isLotTracked()) {
            movement.recordLots(lotsMovedBy(movement, command));
        }
        movements.add(movement);
        movements.flush();
        recorded.fire(new MovementRecorded(movement));
        if (drawnOn != null) {
            reservations.drawn(drawnOn, moved, movement.id());
        }
        return movement;
    }

    /**
     * Takes the moved stock out of the locked source level: out of the named reservation, else out of
     * what is available there. Returns the reservation drawn on, or null.
     */
    private Reservation takeOut(Product product, Location source, Quantity moved, Long reservation) {
        StockLevel level = existingLevel(product, source, moved);
        reservations.releaseExpired(level);
        if (reservation == null) {
            level.remove(moved);
            return null;
        }
        return reservations.draw(reservation, level, moved);
    }

    @Transactional
    public StockMovement get(long id) {
        return movements.find(id).orElseThrow(() -> new NotFoundException("movement", Long.toString(id)));
    }

    @Transactional
    public List<StockMovement> search(MovementQuery query, Long beforeId, int limit) {
        return movements.search(query, beforeId, limit);
    }

    /**
     * The lots a lot-tracked product's movement moves: out of its source, the named lot or the first
     * to expire; into its destination alone (RECEIVE, ADJUST up), the named lot, made on its first receipt.
     */
    private List<LotQuantity> lotsMovedBy(StockMovement movement, MovementCommand command) {
        LotNumber named = LotNumber.ofNullable(command.lot());
        BigDecimal quantity = movement.moved().value();
        return movement.source()
                .map(source -> lots.leaving(movement.product(), source, quantity, named))
                .orElseGet(() -> List.of(new LotQuantity(
                        lots.arriving(movement.product(), named, command.expiresOn()), quantity)));
    }

    /** The locked level stock is taken from; a location that never held the product holds none. */
    private StockLevel existingLevel(Product product, Location location, Quantity requested) {
        return levels.lock(product, location).orElseThrow(
                () -> new InsufficientStockException(product.sku(), location.code(),
                        product.inItsUnit(BigDecimal.ZERO), product.inItsUnit(requested.value())));
    }

    private Location location(String code) {
        return locations.findByCode(code).orElseThrow(() -> new NotFoundException("location", code));
    }
}
