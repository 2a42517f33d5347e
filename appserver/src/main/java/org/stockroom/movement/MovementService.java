package org.stockroom.movement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import org.stockroom.audit.AuditTrail;
import org.stockroom.auth.CurrentUser;
import org.stockroom.location.Location;
import org.stockroom.location.LocationRepository;
import org.stockroom.problem.ConflictException;
import org.stockroom.problem.FieldError;
import org.stockroom.problem.InvalidRequestException;
import org.stockroom.problem.ProblemTypes;
import org.stockroom.problem.ResourceNotFoundException;
import org.stockroom.product.Product;
import org.stockroom.product.ProductRepository;
import org.stockroom.stock.InsufficientStockException;
import org.stockroom.stock.StockLevel;
import org.stockroom.stock.StockLevelRepository;

import java.util.List;

import static org.stockroom.api.Jsonp.JSON;

/**
 * Records stock movements: each one appends a ledger line and changes the stock levels
 * it touches in the same transaction, so on hand always equals the sum of the ledger.
 *
 * <p>Concurrency: the product row is locked first ({@code FOR NO KEY UPDATE}: it cannot be
 * archived meanwhile, and the level change updates its total on hand by trigger, so movements
 * of one product queue there rather than deadlock on it), and each touched level is locked
 * with {@code SELECT ... FOR UPDATE} before it is read, so none sees a stale count. A transfer
 * locks its two levels in location-id order, so two opposite transfers cannot deadlock.
 *
 * <p>Each movement names the user who recorded it, and is written to the audit trail in the
 * same transaction.
 */
@ApplicationScoped
public class MovementService {

    private final ProductRepository products;
    private final LocationRepository locations;
    private final StockLevelRepository levels;
    private final MovementRepository movements;
    private final CurrentUser currentUser;
    private final AuditTrail audit;

    @Inject
    public MovementService(ProductRepository products, LocationRepository locations,
                           StockLevelRepository levels, MovementRepository movements,
                           CurrentUser currentUser, AuditTrail audit) {
        this.products = products;
        this.locations = locations;
        this.levels = levels;
        this.movements = movements;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @Transactional
    public StockMovement record(MovementCommand command) {
        List<FieldError> errors = command.type().shapeErrors(command.quantity(), command.from(), command.to(),
                command.reason());
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Product product = products.findBySkuForMovement(command.sku())
                .orElseThrow(() -> new ResourceNotFoundException("product", command.sku()));
        Location from = command.from() == null ? null : location(command.from());
        Location to = command.to() == null ? null : location(command.to());
        int quantity = command.quantity();

        switch (command.type()) {
            case RECEIVE -> receive(product, to, quantity);
            case ISSUE -> issue(product, from, quantity);
            case TRANSFER -> transfer(product, from, to, quantity);
            case ADJUST -> adjust(product, to != null ? to : from, quantity);
        }
        StockMovement movement = new StockMovement(command.type(), product, from, to, quantity,
                command.reason(), command.reference(), currentUser.username());
        movements.add(movement);
        movements.flush();
        audit.record("movement.recorded", "movement", movement.id().toString(), auditDetails(movement));
        return movement;
    }

    @Transactional
    public StockMovement get(long id) {
        return movements.find(id).orElseThrow(() -> new ResourceNotFoundException("movement", Long.toString(id)));
    }

    @Transactional
    public List<StockMovement> search(MovementQuery query, Long beforeId, int limit) {
        return movements.search(query, beforeId, limit);
    }

    private void receive(Product product, Location to, int quantity) {
        requireNotArchived(product);
        levels.lockOrCreate(product, to).add(quantity);
    }

    private void issue(Product product, Location from, int quantity) {
        existingLevel(product, from, quantity).remove(quantity);
    }

    private void transfer(Product product, Location from, Location to, int quantity) {
        StockLevel source;
        StockLevel destination;
        if (from.id() < to.id()) {
            source = existingLevel(product, from, quantity);
            destination = levels.lockOrCreate(product, to);
        } else {
            destination = levels.lockOrCreate(product, to);
            source = existingLevel(product, from, quantity);
        }
        source.remove(quantity);
        destination.add(quantity);
    }

    private void adjust(Product product, Location at, int quantity) {
        if (quantity > 0) {
            requireNotArchived(product);
            levels.lockOrCreate(product, at).add(quantity);
        } else {
            existingLevel(product, at, -quantity).remove(-quantity);
        }
    }

    /** The locked level stock is taken from; a location that never held the product holds none. */
    private StockLevel existingLevel(Product product, Location location, long requested) {
        return levels.lock(product, location).orElseThrow(
                () -> new InsufficientStockException(product.sku(), location.code(), 0, requested));
    }

    /** What the audit trail keeps of a movement: all of it, by SKU and location codes. */
    private static JsonObject auditDetails(StockMovement movement) {
        JsonObjectBuilder details = JSON.createObjectBuilder()
                .add("type", movement.type().name())
                .add("sku", movement.product().sku())
                .add("quantity", movement.quantity());
        addIfPresent(details, "from", movement.from() == null ? null : movement.from().code());
        addIfPresent(details, "to", movement.to() == null ? null : movement.to().code());
        addIfPresent(details, "reason", movement.reason());
        addIfPresent(details, "reference", movement.reference());
        return details.build();
    }

    private static void addIfPresent(JsonObjectBuilder details, String name, String value) {
        if (value != null) {
            details.add(name, value);
        }
    }

    private Location location(String code) {
        return locations.findByCode(code).orElseThrow(() -> new ResourceNotFoundException("location", code));
    }

    private static void requireNotArchived(Product product) {
        if (product.isArchived()) {
            throw new ConflictException(ProblemTypes.PRODUCT_ARCHIVED, "Product archived",
                    "Product '" + product.sku() + "' is archived and takes no new stock");
        }
    }
}
