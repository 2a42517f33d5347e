package org.stockroom.events;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.stockroom.auth.token.SessionChangeListener;
import org.stockroom.persistence.ListeningConnection;
import org.stockroom.persistence.ListeningConnections;
import org.stockroom.stock.StockLevelId;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.List;
import java.util.logging.Logger;

/**
 * Hears the ledger for {@link EventHub}: V14's trigger announces every committed movement on
 * {@value #MOVEMENT_CHANNEL} with its id, in commit order, to every server; V10's announce every
 * change of a token or user on {@link SessionChangeListener#CHANNEL}, which ends the streams of
 * revoked tokens at once. One connection of its own per server ({@link ListeningConnection}),
 * outside the pool.
 */
@ApplicationScoped
public class LedgerListener implements ListeningConnection.Handler {

    static final String MOVEMENT_CHANNEL = "stockroom_movement";
    /** V17 announces each committed change of a level's reserved stock here, as {@code <product id>:<location id>}. */
    static final String RESERVATION_CHANNEL = "stockroom_reservation";
    private static final Logger LOG = Logger.getLogger(LedgerListener.class.getName());

    private final EventHub hub;
    private final ListeningConnections connections;
    private volatile ListeningConnection connection;

    @Inject
    public LedgerListener(EventHub hub, ListeningConnections connections) {
        this.hub = hub;
        this.connections = connections;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object startup) {
        connection = connections.open("ledger listener", List.of(MOVEMENT_CHANNEL, RESERVATION_CHANNEL,
                SessionChangeListener.CHANNEL), this);
    }

    @Override
    public void onListen() {
        hub.listening();
    }

    @Override
    public void onNotifications(List<ListeningConnection.Notification> notifications) {
        List<Long> movements = new ArrayList<>();
        Set<StockLevelId> reservedChanged = new LinkedHashSet<>();
        boolean sessionsChanged = false;
        for (ListeningConnection.Notification notification : notifications) {
            if (notification.channel().equals(MOVEMENT_CHANNEL)) {
                try {
                    movements.add(Long.parseLong(notification.payload()));
                } catch (NumberFormatException e) {
                    LOG.warning("Ignored a notification on " + MOVEMENT_CHANNEL + " that names no movement: "
                            + notification.payload());
                }
            } else if (notification.channel().equals(RESERVATION_CHANNEL)) {
                levelOf(notification.payload()).ifPresent(reservedChanged::add);
            } else {
                sessionsChanged = true;
            }
        }
        if (!movements.isEmpty()) {
            hub.recorded(movements);
        }
        if (!reservedChanged.isEmpty()) {
            hub.reservedChanged(List.copyOf(reservedChanged));
        }
        if (sessionsChanged) {
            hub.sessionsChanged();
        }
    }

    private static Optional<StockLevelId> levelOf(String payload) {
        int colon = payload.indexOf(':');
        try {
            return Optional.of(new StockLevelId(Long.parseLong(payload.substring(0, colon)),
                    Long.parseLong(payload.substring(colon + 1))));
        } catch (RuntimeException e) {
            LOG.warning("Ignored a notification on " + RESERVATION_CHANNEL + " that names no stock level: " + payload);
            return Optional.empty();
        }
    }

    @Override
    public void onFailure(SQLException cause, Duration retryIn) {
        LOG.warning("Not hearing the ledger (" + cause.getMessage() + "); retrying in " + retryIn.toMillis()
                + " ms. Meanwhile no event stream opens on this server.");
        hub.notListening();
    }

    /** True while the listening connection is open. */
    public boolean listening() {
        ListeningConnection open = connection;
        return open != null && open.listening();
    }

    @PreDestroy
    void stop() {
        ListeningConnection open = connection;
        if (open != null) {
            open.stop();
        }
    }
}
