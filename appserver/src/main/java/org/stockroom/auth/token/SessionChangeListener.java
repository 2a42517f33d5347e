package org.stockroom.auth.token;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Empties this server's {@link SessionCache} when any server (or anyone in SQL) ends or changes
 * a session: the database sends a NOTIFY on {@value #CHANNEL} when a transaction that changed
 * {@code auth_token} or {@code app_user} commits (migration V10), and this listener hears it on a
 * connection of its own. So with several app servers behind a load balancer, a log-out or a role
 * change on one is seen on the others within milliseconds, not after the cache's TTL.
 *
 * <p>The connection is not one of the pool's: it sits in LISTEN for as long as the server runs.
 * When it breaks (the database restarts, the network drops), the cache is emptied and the
 * listener reconnects with a growing pause: what changed meanwhile is seen within the cache's
 * TTL at the latest, the bound stated in docs/operations.md. This is PostgreSQL's own
 * LISTEN/NOTIFY, reached through the driver's {@link PGConnection}: the one place the app server
 * speaks to the driver directly, because JDBC has no API for notifications.
 */
@ApplicationScoped
public class SessionChangeListener {

    static final String CHANNEL = "stockroom_session_change";
    private static final Logger LOG = Logger.getLogger(SessionChangeListener.class.getName());
    /** How long one wait for notifications blocks; also how soon a stop is noticed. */
    private static final int POLL_MILLIS = 500;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final SessionCache sessions;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private volatile boolean stopped;
    private volatile Connection connection;
    private Thread thread;

    @Inject
    public SessionChangeListener(SessionCache sessions,
                                 @ConfigProperty(name = "javax.sql.DataSource.stockroom.jdbcUrl") String jdbcUrl,
                                 @ConfigProperty(name = "javax.sql.DataSource.stockroom.username") Optional<String> user,
                                 @ConfigProperty(name = "javax.sql.DataSource.stockroom.password") Optional<String> password) {
        this.sessions = sessions;
        this.jdbcUrl = jdbcUrl;
        this.user = user.orElse("");
        this.password = password.orElse("");
    }

    /** Starts listening when the application starts. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object startup) {
        thread = Thread.ofPlatform().daemon().name("stockroom-session-change-listener").start(this::listen);
    }

    private void listen() {
        Duration pause = FIRST_PAUSE;
        while (!stopped) {
            try (Connection listening = open()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                // Whatever changed while nobody listened is unknown: start from an empty cache.
                sessions.forgetAll();
                pause = FIRST_PAUSE;
                PGConnection notifications = listening.unwrap(PGConnection.class);
                while (!stopped) {
                    PGNotification[] heard = notifications.getNotifications(POLL_MILLIS);
                    if (heard != null && heard.length > 0) {
                        sessions.forgetAll();
                    }
                }
            } catch (SQLException e) {
                if (stopped) {
                    return;
                }
                sessions.forgetAll();
                LOG.log(Level.WARNING, "Not listening for session changes (" + e.getMessage() + "); retrying in "
                        + pause.toMillis() + " ms. Meanwhile other servers' log-outs are seen within the session cache's TTL.");
                LOG.log(Level.FINE, "listen failure", e);
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        if (!user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "stockroom session-change listener");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True while the listening connection is open: for the health check and tests. */
    public boolean listening() {
        return connection != null;
    }

    @PreDestroy
    void stop() {
        stopped = true;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "closing the listening connection", e);
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
