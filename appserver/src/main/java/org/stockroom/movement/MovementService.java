package org.stockroom.movement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.stockroom.security.CurrentUser;
import org.stockroom.location.Location;
import org.stockroom.location.LocationRepository;
import org.stockroom.product.Product;
import org.stockroom.product.ProductRepository;
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

    @Inject
    public MovementService(ProductRepository products, LocationRepository locations,
                           StockLevelRepository levels, MovementRepository movements,
                           CurrentUser currentUser, Event<MovementRecorded> recorded) {
        this.products = products;
        this.locations = locations;
        this.levels = levels;
        this.movements = movements;
        this.currentUser = currentUser;
        this.recorded = recorded;
    }

    @Transactional
    public StockMovement record(MovementCommand command) {
        command.requireShape();  // 422 before any lookup's 404
        Product product = products.findBySkuForUpdate(command.sku())
                .orElseThrow(() -> new NotFoundException("product", command.sku()));
        Location from = command.from() == null ? null : location(command.from());
        Location to = command.to() == null ? null : location(command.to());
        StockMovement movement = command.movementOf(product, from, to, currentUser.username());

        Quantity moved = movement.moved();
        movement.source().ifPresent(source -> existingLevel(product, source, moved).remove(moved));
        movement.destination().ifPresent(destination -> levels.lockOrCreate(product, destination).add(moved));
        movements.add(movement);
        movements.flush();
        recorded.fire(new MovementRecorded(movement));
        return movement;
    }

    @Transactional
    public StockMovement get(long id) {
        return movements.find(id).orElseThrow(() -> new NotFoundException("movement", Long.toString(id)));
    }

    @Transactional
    public List<StockMovement> search(MovementQuery query, Long beforeId, int limit) {
        return movements.search(query, beforeId, limit);
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
