package org.stockroom.persistence;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A connection of its own that sits in PostgreSQL's {@code LISTEN} on some channels for as long as
 * the server runs, and hands what it hears to a {@link Handler} on its own thread. It is not one of
 * the pool's connections: a pooled one would be returned, and a request could not borrow it.
 *
 * <p>When the connection breaks (the database restarts, the network drops), the handler is told,
 * and the listener connects again with a growing pause (250 ms to 5 s); notifications sent
 * meanwhile are lost, which is why {@link Handler#onListen} is called after each {@code LISTEN}.
 * This is PostgreSQL's own LISTEN/NOTIFY, reached through the driver's {@link PGConnection}: JDBC
 * has no API for notifications, so this class is where the app server speaks to the driver directly.
 */
public final class ListeningConnection {

    /** One notification: the channel it was sent on and its payload (empty if none). */
    public record Notification(String channel, String payload) {
    }

    /** What the listener tells its owner, always on the listener's thread. */
    public interface Handler {

        /** {@code LISTEN} is in effect, for the first time or again after a failure: anything sent before was missed. */
        void onListen();

        /** Notifications heard, in the order their transactions committed. */
        void onNotifications(List<Notification> notifications);

        /** The connection failed or could not be opened; the listener tries again after {@code retryIn}. */
        void onFailure(SQLException cause, Duration retryIn);
    }

    private static final Logger LOG = Logger.getLogger(ListeningConnection.class.getName());
    /** How long one wait for notifications blocks; also how soon a stop is noticed. */
    private static final int POLL_MILLIS = 500;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final String name;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final List<String> channels;
    private final Handler handler;
    private volatile boolean stopped;
    private volatile Connection connection;
    private Thread thread;

    /**
     * @param name     what the connection is for, e.g. {@code session-change listener}: the thread's
     *                 name and PostgreSQL's {@code application_name}
     * @param channels the channels to listen on: plain identifiers
     */
    public ListeningConnection(String name, String jdbcUrl, Optional<String> user, Optional<String> password,
                               List<String> channels, Handler handler) {
        this.name = Objects.requireNonNull(name, "name");
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = user.orElse("");
        this.password = password.orElse("");
        this.channels = List.copyOf(channels);
        if (this.channels.isEmpty() || !this.channels.stream().allMatch(channel -> channel.matches("[a-z_][a-z0-9_]*"))) {
            throw new IllegalArgumentException("channels must be plain identifiers: " + channels);
        }
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Starts listening on a daemon thread of its own. */
    public synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("stockroom-" + name.replace(' ', '-')).start(this::listen);
        }
    }

    private void listen() {
        Duration pause = FIRST_PAUSE;
        while (!stopped) {
            try (Connection listening = open()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    for (String channel : channels) {
                        statement.execute("LISTEN " + channel);
                    }
                }
                handler.onListen();
                pause = FIRST_PAUSE;
                PGConnection notifications = listening.unwrap(PGConnection.class);
                while (!stopped) {
                    PGNotification[] heard = notifications.getNotifications(POLL_MILLIS);
                    if (heard != null && heard.length > 0) {
                        handler.onNotifications(Arrays.stream(heard)
                                .map(each -> new Notification(each.getName(), Objects.requireNonNullElse(each.getParameter(), "")))
                                .toList());
                    }
                }
            } catch (SQLException e) {
                if (stopped) {
                    return;
                }
                LOG.log(Level.FINE, name + " failure", e);
                handler.onFailure(e, pause);
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
        properties.setProperty("ApplicationName", "stockroom " + name);
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True while the listening connection is open. */
    public boolean listening() {
        return connection != null;
    }

    /** Stops listening and closes the connection; the handler hears nothing more. */
    public void stop() {
        stopped = true;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "closing the " + name + "'s connection", e);
            }
        }
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            running.interrupt();
        }
    }
}
