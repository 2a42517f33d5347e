package org.stockroom.auth.token;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.stockroom.persistence.ListeningConnection;
import org.stockroom.persistence.ListeningConnections;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Empties this server's {@link SessionCache} when any server (or anyone in SQL) ends or changes
 * a session: the database sends a NOTIFY on {@value #CHANNEL} when a transaction that changed
 * {@code auth_token} or {@code app_user} commits (migration V10), and this listener hears it on a
 * connection of its own ({@link ListeningConnection}). So with several app servers behind a load
 * balancer, a log-out or a role change on one is seen on the others within milliseconds, not after
 * the cache's TTL.
 *
 * <p>When the connection breaks, the cache is emptied and the listener reconnects with a growing
 * pause: what changed meanwhile is seen within the cache's TTL at the latest, the bound stated in
 * docs/operations.md.
 */
@ApplicationScoped
public class SessionChangeListener implements ListeningConnection.Handler {

    /** The channel V10's triggers notify on; the event stream listens on it too, to end revoked streams. */
    public static final String CHANNEL = "stockroom_session_change";
    private static final Logger LOG = Logger.getLogger(SessionChangeListener.class.getName());

    private final SessionCache sessions;
    private final ListeningConnections connections;
    private volatile ListeningConnection connection;

    @Inject
    public SessionChangeListener(SessionCache sessions, ListeningConnections connections) {
        this.sessions = sessions;
        this.connections = connections;
    }

    /** Starts listening when the application starts. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object startup) {
        connection = connections.open("session-change listener", List.of(CHANNEL), this);
    }

    @Override
    public void onListen() {
        // Whatever changed while nobody listened is unknown: start from an empty cache.
        sessions.forgetAll();
    }

    @Override
    public void onNotifications(List<ListeningConnection.Notification> notifications) {
        sessions.forgetAll();
    }

    @Override
    public void onFailure(SQLException cause, Duration retryIn) {
        sessions.forgetAll();
        LOG.log(Level.WARNING, "Not listening for session changes (" + cause.getMessage() + "); retrying in "
                + retryIn.toMillis() + " ms. Meanwhile other servers' log-outs are seen within the session cache's TTL.");
    }

    /** True while the listening connection is open: for the health check and tests. */
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
