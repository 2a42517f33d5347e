package org.stockroom.client;

import org.stockroom.client.model.StockroomEvent;

import java.time.Duration;

/**
 * Hears a {@link Subscription}: its events, in the order the server sent them, and when its stream
 * opens and breaks. Called on the subscription's own thread, one call at a time; a listener that
 * updates a user interface hands the work to that interface's thread.
 */
public interface EventListener {

    /** An event of the stream. */
    void onEvent(StockroomEvent event);

    /** The stream is open (the first time, or again after a break); events follow. */
    default void onConnected() {
    }

    /**
     * The stream broke or could not be opened, for a reason that may pass; the subscription opens it
     * again after {@code retryIn}, resuming after the last event it got.
     */
    default void onDisconnected(StockroomClientException cause, Duration retryIn) {
    }
}
