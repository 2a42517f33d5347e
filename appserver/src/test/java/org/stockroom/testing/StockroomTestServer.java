package org.stockroom.testing;

import org.stockroom.database.DatabaseCoordinates;
import org.stockroom.server.ServerSettings;
import org.stockroom.server.StockroomServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real Stockroom server for tests: started once per test JVM on 127.0.0.1 and a free
 * port, on a fresh embedded PostgreSQL (or on the database {@code STOCKROOM_DB_URL} names),
 * and stopped when the JVM exits. Tests stay independent by using unique SKUs and codes.
 */
public final class StockroomTestServer {

    /**
     * How long the test server replays the answer to a keyed request: short, so that a test
     * can see a key expire, yet far longer than a burst of concurrent requests takes.
     */
    public static final Duration IDEMPOTENCY_TTL = Duration.ofSeconds(4);

    /**
     * The password of the user {@code admin}, whom the test server creates on its first start
     * ({@code STOCKROOM_ADMIN_PASSWORD}). Only for tests.
     */
    public static final String ADMIN_PASSWORD = "test-admin-password-7Qm2";

    private static StockroomServer server;
    private static IllegalStateException startFailure;  // fail every test fast, not each after a slow retry

    private StockroomTestServer() {
    }

    /** The server's root, e.g. {@code http://127.0.0.1:41234}. */
    public static synchronized URI baseUri() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (server == null) {
            try {
                server = start();
            } catch (IllegalStateException e) {
                startFailure = e;
                throw e;
            }
        }
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The database the server uses, for tests that check what was (not) written. */
    public static DatabaseCoordinates database() {
        baseUri();
        return server.database();
    }

    private static StockroomServer start() {
        try {
            Path dataDirectory = Files.createTempDirectory("stockroom-test-");
            Map<String, String> env = new HashMap<>();
            DatabaseCoordinates.fromEnvironment(System.getenv()).ifPresent(external -> {
                env.put(DatabaseCoordinates.URL_VARIABLE, external.jdbcUrl());
                env.put(DatabaseCoordinates.USER_VARIABLE, external.user());
                env.put(DatabaseCoordinates.PASSWORD_VARIABLE, external.password());
            });
            env.put("STOCKROOM_HTTP_HOST", "127.0.0.1");
            env.put("STOCKROOM_HTTP_PORT", "0");
            env.put("STOCKROOM_DATA_DIR", dataDirectory.toString());
            env.put("STOCKROOM_DEMO_DATA", "false");
            // A tiny pool: a business transaction that ever needs a second connection
            // deadlocks the concurrency tests instead of passing unnoticed.
            env.put("STOCKROOM_DB_POOL_SIZE", "2");
            env.put("STOCKROOM_IDEMPOTENCY_TTL", IDEMPOTENCY_TTL.toString());
            env.put("STOCKROOM_ADMIN_PASSWORD", ADMIN_PASSWORD);
            StockroomServer started = StockroomServer.start(ServerSettings.fromEnvironment(env));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                deleteRecursively(dataDirectory);
            }, "stockroom-test-server-stop"));
            return started;
        } catch (Exception e) {
            throw new IllegalStateException("the test server did not start", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
