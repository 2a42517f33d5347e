package org.stockroom.desktop.connection;

import org.stockroom.client.EventListener;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.StockroomClientException;
import org.stockroom.client.Subscription;
import org.stockroom.client.model.EventQuery;
import org.stockroom.client.model.Movement;
import org.stockroom.client.model.StockLevel;
import org.stockroom.client.model.StockroomEvent;

import javax.swing.SwingUtilities;
import java.time.Duration;

/**
 * The window's live stream of movements ({@code client.events()}), with what the window needs to
 * know on the event thread: a movement recorded anywhere, that what it shows may be stale (a new
 * or reset stream), and whether the stream is up ({@link Mode#LIVE}) or down, in which case the
 * window polls ({@link Mode#POLLING}) until the subscription has reconnected by itself.
 */
public final class LiveUpdates implements AutoCloseable {

    /** How the window learns of other clients' changes. */
    public enum Mode {
        LIVE("Live updates"),
        POLLING("Polling");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Told on the event thread. */
    public interface Listener {

        /** A movement was recorded, by this client or another. */
        void movementRecorded(Movement movement);

        /**
         * A stock level as it is now: after a movement, or after a reservation changed what is reserved
         * there (which no movement announces).
         */
        default void levelChanged(StockLevel level) {
        }

        /** What the window shows may be out of date (a new stream, or one that could not resume): fetch it again. */
        void reloadNeeded();

        /** The stream came up or went down. */
        void modeChanged(Mode mode);
    }

    private final Subscription subscription;
    private volatile boolean closed;

    private LiveUpdates(Subscription subscription) {
        this.subscription = subscription;
    }

    /**
     * Subscribes to every movement; the listener hears {@link Mode#POLLING} until the stream is up,
     * and again for good should the server refuse the stream (a revoked token: the window's next
     * poll then meets the same refusal and asks to log in again).
     */
    public static LiveUpdates start(StockroomClient client, Listener listener) {
        SwingUtilities.invokeLater(() -> listener.modeChanged(Mode.POLLING));
        LiveUpdates live = new LiveUpdates(client.events().subscribe(EventQuery.all(), new EventListener() {
            @Override
            public void onEvent(StockroomEvent event) {
                switch (event) {
                    case StockroomEvent.Moved moved -> SwingUtilities.invokeLater(() -> listener.movementRecorded(moved.movement()));
                    case StockroomEvent.Ready ready -> SwingUtilities.invokeLater(listener::reloadNeeded);
                    case StockroomEvent.Reset reset -> SwingUtilities.invokeLater(listener::reloadNeeded);
                    case StockroomEvent.Level level -> SwingUtilities.invokeLater(() -> listener.levelChanged(level.level()));
                }
            }

            @Override
            public void onConnected() {
                SwingUtilities.invokeLater(() -> listener.modeChanged(Mode.LIVE));
            }

            @Override
            public void onDisconnected(StockroomClientException cause, Duration retryIn) {
                SwingUtilities.invokeLater(() -> listener.modeChanged(Mode.POLLING));
            }
        }));
        Thread.ofVirtual().name("stockroom-live-updates-end").start(() -> {
            try {
                live.subscription.await();
            } catch (InterruptedException | RuntimeException refusedForGood) {
                // told below either way
            }
            if (!live.closed) {
                SwingUtilities.invokeLater(() -> listener.modeChanged(Mode.POLLING));
            }
        });
        return live;
    }

    /** Whether the subscription still runs; false once the server refused it for good (then the window polls). */
    public boolean isOpen() {
        return subscription.isOpen();
    }

    @Override
    public void close() {
        closed = true;
        subscription.close();
    }
}
