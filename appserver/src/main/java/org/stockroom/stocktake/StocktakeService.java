package org.stockroom.stocktake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stockroom.location.Location;
import org.stockroom.location.LocationRepository;
import org.stockroom.movement.MovementCommand;
import org.stockroom.movement.MovementService;
import org.stockroom.movement.MovementType;
import org.stockroom.movement.StockMovement;
import org.stockroom.product.Product;
import org.stockroom.product.ProductRepository;
import org.stockroom.reservation.Reservations;
import org.stockroom.rules.StaleEditException;
import org.stockroom.rules.NotFoundException;
import org.stockroom.security.CurrentUser;
import org.stockroom.stock.StockLevelRepository;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * Use cases of stocktakes: open one, count its lines, post or cancel it; each in one transaction,
 * announced as a fact ({@link StocktakeOpened}, {@link StocktakeCounted}, {@link StocktakePosted},
 * {@link StocktakeCancelled}) for the audit trail.
 *
 * <p>Locks, always in this order: the stocktake's row (counts, posting and cancelling of one
 * stocktake queue there), then product rows as movements take them ({@code FOR NO KEY UPDATE}).
 * A count locks its one product, so the level it snapshots cannot move while it reads it; a
 * posting locks the products of its lines in id order, so two postings never wait on each other
 * in a circle, and movements of those products wait for it to commit.
 *
 * <p>Reservations: a count is what is there. When posting a line would leave less on hand than is
 * reserved at the location, the newest OPEN reservations there are shortened first (released, in
 * part or whole, with the reason {@code stocktake <id>}) until what is reserved fits what is left;
 * the ADJUST then takes only stock nobody holds.
 */
@ApplicationScoped
public class StocktakeService {

    private static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(1_000_000_000);

    /** The reason of every ADJUST a posting writes: {@code stocktake 7}. */
    static final String REASON_PREFIX = "stocktake ";

    private final StocktakeRepository stocktakes;
    private final LocationRepository locations;
    private final ProductRepository products;
    private final MovementService movements;
    private final StockLevelRepository levels;
    private final Reservations reservations;
    private final CurrentUser currentUser;
    private final Event<Object> events;

    @Inject
    public StocktakeService(StocktakeRepository stocktakes, LocationRepository locations, ProductRepository products,
                            MovementService movements, StockLevelRepository levels, Reservations reservations,
                            CurrentUser currentUser, Event<Object> events) {
        this.stocktakes = stocktakes;
        this.locations = locations;
        this.products = products;
        this.movements = movements;
        this.levels = levels;
        this.reservations = reservations;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** Opens a stocktake of a location, of only {@code skus} when given (null: all of it). */
    @Transactional
    public StocktakeSheet open(String locationCode, List<String> skus) {
        Location location = locations.findByCode(locationCode)
                .orElseThrow(() -> new NotFoundException("location", locationCode));
        if (skus != null) {
            Set<String> known = stocktakes.products(skus).stream().map(ProductToCount::sku).collect(Collectors.toSet());
            new TreeSet<>(skus).stream().filter(sku -> !known.contains(sku)).findFirst().ifPresent(unknown -> {
                throw new NotFoundException("product", unknown);
            });
        }
        stocktakes.findOpen(location).ifPresent(open -> {
            throw new StocktakeAlreadyOpenException(location.code(), open.id());
        });
        Stocktake stocktake = skus == null
                ? Stocktake.ofLocation(location, currentUser.username())
                : Stocktake.ofSkus(location, skus, currentUser.username());
        stocktakes.add(stocktake);
        stocktakes.flush();  // a concurrent open of the location ends here, on the unique index (409)
        events.fire(new StocktakeOpened(stocktake));
        return sheetOf(stocktake);
    }

    @Transactional
    public StocktakeSheet get(long id) {
        return sheetOf(find(id));
    }

    @Transactional
    public List<Stocktake> search(StocktakeQuery query, Long beforeId, int limit) {
        return stocktakes.search(query, beforeId, limit);
    }

    /**
     * Records what a clerk counted of {@code sku}, against the level there at this moment, which
     * the line keeps as its expected quantity; counting it again takes a new snapshot.
     */
    @Transactional
    public StocktakeLine count(long id, String sku, BigDecimal counted) {
        ledgerQuantity(counted);  // a 422 before any lookup's 404
        Stocktake stocktake = lock(id);
        stocktake.requireOpen();
        // Locked as a movement locks it: no movement of it runs while its level is read.
        Product product = products.findBySkuForUpdate(sku).orElseThrow(() -> new NotFoundException("product", sku));
        stocktakes.fetchLines(stocktake);
        StocktakeLine line = stocktake.count(product, counted, stocktakes.onHand(product, stocktake.location()),
                currentUser.username());
        if (line.id() == null) {
            stocktakes.add(line);
        }
        stocktakes.touch(stocktake);
        stocktakes.flush();
        events.fire(new StocktakeCounted(line));
        return line;
    }

    /**
     * Posts a stocktake whose version is still the one the caller saw: one ADJUST per line that
     * differs, of counted - expected, added to the level as it is now; all or nothing, once.
     */
    @Transactional
    public StocktakeSheet post(long id, LongPredicate isExpectedVersion) {
        Stocktake stocktake = lock(id);
        stocktake.requireOpen();  // a second post is told it was posted, whatever version it names
        if (!isExpectedVersion.test(stocktake.version())) {
            throw new StaleEditException("Stocktake " + id + " was counted or changed since you read it;"
                    + " read it again and check the differences before posting", stocktake.version());
        }
        stocktakes.countedSkusInLockOrder(stocktake).forEach(sku -> products.findBySkuForUpdate(sku).orElseThrow());
        stocktakes.fetchLines(stocktake);
        Location location = stocktake.location();
        List<StocktakeLine> toPost = stocktake.linesToPost(
                line -> stocktakes.onHand(line.product(), location).quantity());
        for (StocktakeLine line : toPost) {
            if (line.difference().signum() < 0) {
                keepReservationsWithin(line, location, REASON_PREFIX + id);
            }
            StockMovement adjustment = movements.record(new MovementCommand(MovementType.ADJUST, line.sku(),
                    ledgerQuantity(line.difference()), null, location.code(), REASON_PREFIX + id, null));
            line.postedAs(adjustment.id());
        }
        stocktakes.flush();  // the lines first: the database lets only an open stocktake's lines change
        stocktake.post(currentUser.username());
        stocktakes.flush();
        events.fire(new StocktakePosted(stocktake));
        return sheetOf(stocktake);
    }

    /** Shortens the reservations at the location so that they hold no more than the line leaves on hand. */
    private void keepReservationsWithin(StocktakeLine line, Location location, String reason) {
        levels.lock(line.product(), location).ifPresent(level -> {
            reservations.releaseExpired(level);
            reservations.shortenTo(level, level.onHand().add(line.difference()), reason, reservations.now());
        });
    }

    /** Closes an open stocktake without changing any stock. */
    @Transactional
    public StocktakeSheet cancel(long id) {
        Stocktake stocktake = lock(id);
        stocktake.cancel(currentUser.username());
        stocktakes.flush();
        events.fire(new StocktakeCancelled(stocktake));
        return sheetOf(stocktake);
    }

    /**
     * A count or difference the ledger can take: at most a billion either way, as
     * {@code POST /movements} takes. Whether its decimals suit the product's unit is the
     * movement's to check when it is posted ({@code Product.requireCountable}).
     */
    static BigDecimal ledgerQuantity(BigDecimal quantity) {
        if (quantity.abs().compareTo(MAX_QUANTITY) > 0) {
            throw new InvalidCountException("must be at most 1000000000");
        }
        return quantity;
    }

    /** The stocktake, its counted lines and what is still to count. */
    private StocktakeSheet sheetOf(Stocktake stocktake) {
        Set<String> counted = stocktake.lines().stream().map(StocktakeLine::sku).collect(Collectors.toSet());
        List<ProductToCount> listed = stocktake.skus().map(stocktakes::products)
                .orElseGet(() -> stocktake.isOpen() ? stocktakes.onHandAt(stocktake.location()) : List.of());
        return new StocktakeSheet(stocktake, listed.stream().filter(product -> !counted.contains(product.sku())).toList());
    }

    private Stocktake find(long id) {
        return stocktakes.find(id).orElseThrow(() -> new NotFoundException("stocktake", Long.toString(id)));
    }

    private Stocktake lock(long id) {
        return stocktakes.lock(id).orElseThrow(() -> new NotFoundException("stocktake", Long.toString(id)));
    }
}
