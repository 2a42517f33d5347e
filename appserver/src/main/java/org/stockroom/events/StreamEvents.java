package org.stockroom.events;

import jakarta.json.bind.Jsonb;
import org.stockroom.api.JsonbConfiguration;
import org.stockroom.stock.StockLevelView;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns movements and openings into the events a stream sends, with the ids that make resuming
 * safe. An id is only ever a point the client may resume after without losing a movement:
 *
 * <ul>
 *   <li>a live movement's events carry the movement's id: the stream sends movements in the order
 *       they committed, so its client has all that committed before it;</li>
 *   <li>a replay sends movements in id order, which is not that order, so its events carry the id
 *       the client resumed from (a stream cut halfway replays the same again), except the last
 *       movement's events and the levels after it, which carry the last movement's id: by then the
 *       client has everything that committed before the replay was read;</li>
 *   <li>{@code ready} and {@code reset} carry the newest movement's id (0 for none): the client
 *       loads what it shows after them, so it has everything that committed before.</li>
 * </ul>
 */
final class StreamEvents {

    private static final Jsonb JSON = JsonbConfiguration.jsonb();

    /** The data of {@code ready}. */
    public record Ready(long lastMovementId) {
    }

    /** The data of {@code reset}. */
    public record Reset(String reason, String detail, long lastMovementId) {
    }

    private StreamEvents() {
    }

    /**
     * One movement's events on the live streams, written once: the movement, then the levels at the
     * locations it changed, all with the movement's id.
     */
    record LiveMovement(RecordedMovement recorded, StreamEvent movement, List<StreamEvent> levels) {

        /** The share of them a stream with this filter gets. */
        List<StreamEvent> eventsFor(EventFilter filter) {
            if (!filter.accepts(recorded.movement())) {
                return List.of();
            }
            List<StreamEvent> events = new ArrayList<>(1 + levels.size());
            events.add(movement);
            for (int i = 0; i < levels.size(); i++) {
                if (filter.accepts(recorded.levels().get(i))) {
                    events.add(levels.get(i));
                }
            }
            return events;
        }
    }

    static LiveMovement live(RecordedMovement recorded) {
        String id = Long.toString(recorded.movement().id());
        List<StreamEvent> levels = recorded.levels().stream()
                .map(level -> new StreamEvent(StreamEvent.LEVEL, id, JSON.toJson(level), recorded.movement().id()))
                .toList();
        return new LiveMovement(recorded, movementEvent(recorded, id), levels);
    }

    /** A level whose reserved stock changed, without a movement: an event without an id (no resume point). */
    static StreamEvent reservedLevel(StockLevelView level) {
        return new StreamEvent(StreamEvent.LEVEL, null, JSON.toJson(level), 0);
    }

    /** The events a stream begins with. */
    static List<StreamEvent> opening(Opening opening, LastEventId last) {
        return switch (opening) {
            case Opening.Ready ready -> List.of(new StreamEvent(StreamEvent.READY, Long.toString(ready.newestMovementId()),
                    JSON.toJson(new Ready(ready.newestMovementId())), 0));
            case Opening.Reset reset -> List.of(new StreamEvent(StreamEvent.RESET, Long.toString(reset.newestMovementId()),
                    JSON.toJson(new Reset(reset.reason(), reset.detail(), reset.newestMovementId())), 0));
            case Opening.Replay replay -> replay(replay, resumedFrom(last));
        };
    }

    private static List<StreamEvent> replay(Opening.Replay replay, String resumedFrom) {
        List<StreamEvent> events = new ArrayList<>();
        List<RecordedMovement> movements = replay.movements();
        for (int i = 0; i < movements.size(); i++) {
            boolean last = i == movements.size() - 1;
            RecordedMovement recorded = movements.get(i);
            String id = last ? Long.toString(recorded.movement().id()) : resumedFrom;
            events.add(movementEvent(recorded, id));
        }
        String levelsId = movements.isEmpty() ? resumedFrom : Long.toString(movements.getLast().movement().id());
        for (StockLevelView level : replay.levels()) {
            events.add(new StreamEvent(StreamEvent.LEVEL, levelsId, JSON.toJson(level), 0));
        }
        return events;
    }

    private static StreamEvent movementEvent(RecordedMovement recorded, String id) {
        return new StreamEvent(StreamEvent.MOVEMENT, id, JSON.toJson(recorded.movement()), recorded.movement().id());
    }

    private static String resumedFrom(LastEventId last) {
        return last instanceof LastEventId.After after ? Long.toString(after.movementId()) : "0";
    }
}
