package org.stockroom.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stockroom.location.Location;
import org.stockroom.movement.MovementRepository;
import org.stockroom.movement.MovementView;
import org.stockroom.movement.StockMovement;
import org.stockroom.resilience.Resilient;
import org.stockroom.stock.StockLevelId;
import org.stockroom.stock.StockLevelRepository;
import org.stockroom.stock.StockLevelView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event stream's reads of the database, each one short transaction under the same retries
 * and circuit breaker as every other call to PostgreSQL: the movements a batch of notifications
 * announced (once per server, whatever the number of streams), and how a new or resumed stream
 * begins.
 */
@Resilient
@ApplicationScoped
public class EventFeed {

    private final MovementRepository movements;
    private final StockLevelRepository levels;
    private final EventRepository ledger;

    @Inject
    public EventFeed(MovementRepository movements, StockLevelRepository levels, EventRepository ledger) {
        this.movements = movements;
        this.levels = levels;
        this.ledger = ledger;
    }

    /**
     * The movements with these ids, in the order given (the order they committed in), each with the
     * current levels at the locations it changed; an id not found (it cannot be, once announced) is left out.
     */
    @Transactional
    public List<RecordedMovement> recorded(List<Long> ids) {
        Map<Long, StockMovement> found = movements.findAll(ids).stream()
                .collect(Collectors.toMap(StockMovement::id, Function.identity()));
        List<StockMovement> ordered = ids.stream().distinct().map(found::get).filter(Objects::nonNull).toList();
        Set<StockLevelId> keys = new LinkedHashSet<>();
        ordered.forEach(movement -> keys.addAll(levelKeys(movement)));
        Map<String, StockLevelView> current = levels.findAll(keys).stream()
                .collect(Collectors.toMap(level -> key(level.sku(), level.location()), Function.identity()));
        List<RecordedMovement> recorded = new ArrayList<>();
        for (StockMovement movement : ordered) {
            List<StockLevelView> changed = locations(movement).stream()
                    .map(location -> current.get(key(movement.product().sku(), location.code())))
                    .filter(Objects::nonNull)
                    .toList();
            recorded.add(new RecordedMovement(MovementView.of(movement), changed));
        }
        return recorded;
    }

    /** The levels with these keys as they are now (for a change of what reservations hold there). */
    @Transactional
    public List<StockLevelView> levels(List<StockLevelId> keys) {
        return levels.findAll(keys);
    }

    /**
     * How a stream with this {@code Last-Event-ID} and filter begins: ready (a new stream), the
     * replay of at most {@code limit} movements the client may have missed, or a reset.
     */
    @Transactional
    public Opening open(LastEventId last, EventFilter filter, int limit) {
        return switch (last) {
            case LastEventId.None none -> new Opening.Ready(ledger.newestMovementId());
            case LastEventId.Unusable unusable -> unknown("the Last-Event-ID is no event id of this server");
            case LastEventId.After after when after.movementId() == 0 -> replay(null, filter, limit);
            case LastEventId.After after -> ledger.horizonOf(after.movementId())
                    .map(horizon -> replay(horizon, filter, limit))
                    .orElseGet(() -> unknown("there is no movement " + after.movementId()
                            + " to resume after (or it is older than the event stream)"));
        };
    }

    private Opening replay(String horizon, EventFilter filter, int limit) {
        List<Long> ids = ledger.movementIdsFrom(horizon, filter, limit + 1);
        if (ids.size() > limit) {
            return new Opening.Reset("too-many-missed", "More than " + limit
                    + " movements happened since this stream's last event; reload what you show",
                    ledger.newestMovementId());
        }
        List<RecordedMovement> missed = recorded(ids);
        Map<String, StockLevelView> levelsNow = new LinkedHashMap<>();
        missed.forEach(movement -> movement.levels().stream().filter(filter::accepts)
                .forEach(level -> levelsNow.put(key(level.sku(), level.location()), level)));
        return new Opening.Replay(missed, List.copyOf(levelsNow.values()));
    }

    private Opening.Reset unknown(String why) {
        return new Opening.Reset("unknown-last-event-id", "Cannot resume: " + why + "; reload what you show",
                ledger.newestMovementId());
    }

    private static List<Location> locations(StockMovement movement) {
        List<Location> touched = new ArrayList<>(2);
        if (movement.from() != null) {
            touched.add(movement.from());
        }
        if (movement.to() != null) {
            touched.add(movement.to());
        }
        return touched;
    }

    private static List<StockLevelId> levelKeys(StockMovement movement) {
        return locations(movement).stream()
                .map(location -> new StockLevelId(movement.product().id(), location.id()))
                .toList();
    }

    private static String key(String sku, String location) {
        return sku + '\u0000' + location;
    }
}
