package org.stockroom.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.database.Fixtures.execute;
import static org.stockroom.database.Fixtures.inTransaction;
import static org.stockroom.database.Fixtures.uniqueCode;

/**
 * V10: a committed change to users or tokens is announced on the channel every app server listens
 * on, so that each empties its session cache; a new token and a rolled-back change are not.
 */
class SessionChangeNotificationIT {

    private static final String CHANNEL = "stockroom_session_change";
    private static final String HASH = "pbkdf2-sha256$1000$c2FsdA==$aGFzaA==";

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private Connection listener;

    @BeforeEach
    void listen() throws SQLException {
        listener = database.connect();
        try (Statement statement = listener.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
    }

    @AfterEach
    void close() throws SQLException {
        listener.close();
    }

    @Test
    void givenAToken_whenRevoked_thenOneNotificationArrivesAfterTheCommit() throws SQLException {
        try (Connection connection = database.connect()) {
            long user = newUser(connection);
            String token = newToken(connection, user);
            heard();  // the set-up's own INSERTs announce nothing, checked below

            connection.setAutoCommit(false);
            execute(connection, "update auth_token set revoked_at = now() where token_hash = ?", token);
            assertThat(heard()).as("before the commit").isEmpty();
            connection.commit();

            assertThat(heard()).extracting(PGNotification::getParameter).containsExactly("auth_token");
        }
    }

    @Test
    void givenANewUserAndToken_whenInserted_thenNothingIsAnnounced() throws SQLException {
        try (Connection connection = database.connect()) {
            newToken(connection, newUser(connection));

            assertThat(heard()).isEmpty();
        }
    }

    @Test
    void givenARoleChange_whenRolledBack_thenNothingIsAnnounced() throws SQLException {
        try (Connection connection = database.connect()) {
            long user = newUser(connection);
            connection.setAutoCommit(false);
            execute(connection, "update app_user set role = 'viewer' where id = ?", user);
            connection.rollback();

            assertThat(heard()).isEmpty();
        }
    }

    @Test
    void givenUsersAndTokens_whenChangedOrDeletedInOneTransaction_thenEachTableIsAnnouncedOnce() throws SQLException {
        try (Connection connection = database.connect()) {
            long user = newUser(connection);
            newToken(connection, user);
            newToken(connection, user);

            inTransaction(connection, () -> {
                execute(connection, "update app_user set disabled = true where id = ?", user);
                execute(connection, "update app_user set disabled = false where id = ?", user);
                execute(connection, "delete from auth_token where user_id = ?", user);
            });

            assertThat(heard()).extracting(PGNotification::getParameter)
                    .containsExactlyInAnyOrder("app_user", "auth_token");
        }
    }

    private static long newUser(Connection connection) throws SQLException {
        String name = uniqueCode("user").toLowerCase(java.util.Locale.ROOT);
        execute(connection, "insert into app_user (username, password_hash, role) values (?, ?, 'clerk')", name, HASH);
        return Fixtures.count(connection, "select id from app_user where username = '" + name + "'");
    }

    private static String newToken(Connection connection, long user) throws SQLException {
        String hash = String.format("%064x", new java.math.BigInteger(64, new java.security.SecureRandom()));
        execute(connection, "insert into auth_token (token_hash, user_id, expires_at) values (?, ?, now() + interval '1 hour')",
                hash, user);
        return hash;
    }

    /** The notifications delivered to the listening session so far (waits up to 200 ms for the first). */
    private List<PGNotification> heard() throws SQLException {
        PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(200);
        return notifications == null ? List.of() : new ArrayList<>(List.of(notifications));
    }
}
