package org.stockroom.client;

import org.stockroom.client.model.EventQuery;

import java.time.Duration;
import java.util.Objects;

/**
 * The live stream of movements and stock levels, {@code GET /events} (server-sent events). From
 * {@link StockroomClient#events()}.
 *
 * <pre>{@code
 * try (Subscription live = client.events().subscribe(EventQuery.all(), event -> System.out.println(event))) {
 *     live.await();  // until closed, or the server refuses the stream for good (a revoked token)
 * }
 * }</pre>
 */
public final class Events {

    /** How long a stream may stay silent before it is taken for dead: three of the server's default heartbeats. */
    public static final Duration DEFAULT_SILENCE_LIMIT = Duration.ofSeconds(45);
    /** The first wait before reconnecting, unless the server asks for another ({@code retry}). */
    static final Duration FIRST_RECONNECT_WAIT = Duration.ofSeconds(1);
    /** The longest wait before reconnecting. */
    static final Duration LONGEST_RECONNECT_WAIT = Duration.ofSeconds(30);

    private final Transport transport;

    Events(Transport transport) {
        this.transport = transport;
    }

    /**
     * Opens the stream on a thread of its own and keeps it open: each event goes to the listener; a
     * broken stream (no connection, the server gone or unavailable, 45 s without even a heartbeat) is
     * opened again after a growing, jittered wait (1 s to 30 s) with {@code Last-Event-ID}, so that
     * nothing recorded meanwhile is missed. It ends when closed, or when the server refuses the stream
     * for good (401: the token was revoked or expired; 403; 4xx): {@link Subscription#await()} then
     * throws that refusal.
     */
    public Subscription subscribe(EventQuery query, EventListener listener) {
        return subscribe(query, listener, DEFAULT_SILENCE_LIMIT, FIRST_RECONNECT_WAIT);
    }

    /** As {@link #subscribe(EventQuery, EventListener)}, with the silence limit and first wait of a test. */
    Subscription subscribe(EventQuery query, EventListener listener, Duration silenceLimit, Duration firstWait) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(listener, "listener");
        String path = "/events" + new QueryString().add("sku", query.sku()).add("location", query.location());
        return Subscription.start(transport, path, listener, silenceLimit, firstWait, LONGEST_RECONNECT_WAIT);
    }
}
