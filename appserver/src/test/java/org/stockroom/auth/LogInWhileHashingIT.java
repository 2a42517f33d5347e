package org.stockroom.auth;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.stockroom.auth.password.PasswordHasher;
import org.stockroom.testing.StockroomTestServer;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.testing.Api.anonymous;
import static org.stockroom.testing.Api.unique;

/**
 * Log-in verifies the password between two short transactions. A user whose hash has many
 * iterations makes the verification take seconds, long enough to watch the database meanwhile;
 * the test holds the user's row lock, so that log-in's second transaction waits for it.
 */
class LogInWhileHashingIT {

    /** About 20 times the server's 210,000: seconds of hashing, and not re-hashed (it is not weaker). */
    private static final int SLOW_ITERATIONS = 4_000_000;

    @Test
    void givenALogInThatIsHashing_thenNoTransactionIsOpen_andAPasswordChangeMeanwhileRefusesTheLogIn()
            throws Exception {
        String name = unique("slow");
        String password = "a slow password of " + name;
        insertUser(name, new PasswordHasher(SLOW_ITERATIONS, new SecureRandom()).hash(password.toCharArray()));
        anonymous().get("/auth/me").then().statusCode(401);  // REST Assured's first request is slow: not in the timing

        try (Connection locker = StockroomTestServer.database().connect();
             Connection watcher = StockroomTestServer.database().connect()) {
            locker.setAutoCommit(false);
            update(locker, "select 1 from app_user where username = ? for update", name);

            CompletableFuture<Response> logIn = CompletableFuture.supplyAsync(
                    () -> anonymous().body(Map.of("username", name, "password", password)).post("/auth/token"));
            int mostHeldInATransaction = 0;
            while (serverConnections(watcher, locker, "wait_event_type = 'Lock'") == 0) {
                assertThat(logIn).as("the log-in waits for the lock after hashing").isNotDone();
                mostHeldInATransaction = Math.max(mostHeldInATransaction,
                        serverConnections(watcher, locker, "state like 'idle in transaction%'"
                                + " and xact_start < clock_timestamp() - interval '1 second'"));
                Thread.sleep(5);
            }
            // A short transaction may be caught while it runs; one open for a second is one waiting on the hashing.
            assertThat(mostHeldInATransaction).as("server connections held in a transaction while hashing").isZero();
            assertThat(secondsFromTransactionStartToLockWait(watcher))
                    .as("the waiting transaction began with the locking read, not before the hashing").isLessThan(0.2);

            // As an admin's reset would, while log-in's second transaction waits: the password it verified is no longer current.
            update(locker, "update app_user set password_changed_at = now() where username = ?", name);
            locker.commit();
            logIn.get().then().statusCode(401);
        }
        try (Connection connection = StockroomTestServer.database().connect();
             PreparedStatement count = connection.prepareStatement(
                     "select count(*) from auth_token t join app_user u on u.id = t.user_id where u.username = ?")) {
            count.setString(1, name);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                assertThat(row.getLong(1)).as("tokens issued").isZero();
            }
        }
    }

    private static double secondsFromTransactionStartToLockWait(Connection watcher) throws SQLException {
        try (PreparedStatement select = watcher.prepareStatement("""
                select extract(epoch from query_start - xact_start) from pg_stat_activity
                 where datname = current_database() and wait_event_type = 'Lock'""");
             ResultSet row = select.executeQuery()) {
            assertThat(row.next()).isTrue();
            return row.getDouble(1);
        }
    }

    /** How many connections other than the test's own are in that state. */
    private static int serverConnections(Connection watcher, Connection locker, String condition) throws SQLException {
        try (PreparedStatement select = watcher.prepareStatement("""
                select count(*) from pg_stat_activity
                 where datname = current_database() and pid <> pg_backend_pid()
                   and pid <> ? and\s""" + condition)) {
            select.setInt(1, pidOf(locker));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static int pidOf(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select pg_backend_pid()");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private static void update(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            statement.execute();
        }
    }

    private static void insertUser(String name, String passwordHash) throws SQLException {
        try (Connection connection = StockroomTestServer.database().connect();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into app_user (username, password_hash, role) values (?, ?, 'viewer')")) {
            insert.setString(1, name);
            insert.setString(2, passwordHash);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }
}
