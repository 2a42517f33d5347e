package org.stockroom.client.model;

/**
 * One event of the live stream ({@code GET /events}). Its {@link #id()} is the point a client
 * resumes after ({@code Last-Event-ID}); the subscription does that by itself when it reconnects.
 * Movements may come twice around a reconnect: tell them apart by the movement's own id.
 */
public sealed interface StockroomEvent permits StockroomEvent.Ready, StockroomEvent.Moved, StockroomEvent.Level,
        StockroomEvent.Reset {

    /** The event's id, which the server reads back from {@code Last-Event-ID}. */
    String id();

    /**
     * The stream is live. Sent first on a stream that resumes nothing: load what you show now (the
     * stream has everything after). {@code lastMovementId} is the newest movement (0 for none).
     */
    record Ready(String id, long lastMovementId) implements StockroomEvent {
    }

    /** A movement was recorded: the same JSON as {@code GET /movements/{id}}. */
    record Moved(String id, Movement movement) implements StockroomEvent {
    }

    /**
     * A stock level a movement changed, as a row of {@code GET /stock}: the level when the server
     * read it, never older than the movement before it.
     */
    record Level(String id, StockLevel level) implements StockroomEvent {
    }

    /**
     * The stream could not resume where it left off (an unknown {@code Last-Event-ID}, or more
     * movements missed than the server replays): reload what you show. {@code reason} is
     * {@code unknown-last-event-id} or {@code too-many-missed}.
     */
    record Reset(String id, String reason, String detail, long lastMovementId) implements StockroomEvent {
    }
}
