package org.stockroom.testing;

import org.stockroom.auth.password.PasswordHasher;
import org.stockroom.database.DatabaseCoordinates;
import org.stockroom.security.Role;
import org.stockroom.server.ServerSettings;
import org.stockroom.server.StockroomServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real Stockroom server for tests: started once per test JVM on 127.0.0.1 and a free
 * port, on a fresh embedded PostgreSQL (or on the database {@code STOCKROOM_DB_URL} names),
 * and stopped when the JVM exits. Tests stay independent by using unique SKUs and codes.
 */
public final class StockroomTestServer {

    /**
     * How long the test server replays the answer to a keyed request: short, so that a test
     * can see a key expire, yet far longer than a burst of concurrent requests takes. (At 4 s,
     * a burst of 50 keyed requests on a machine loaded 15 deep once outlasted it: a late
     * request then counted as new, as it should after expiry, and the test saw two movements.)
     */
    public static final Duration IDEMPOTENCY_TTL = Duration.ofSeconds(10);
    /** How long a checked token's session is kept in memory: changes made in SQL by hand are seen after it. */
    public static final Duration SESSION_CACHE_TTL = Duration.ofSeconds(1);
    /** How long an event stream stays silent before a heartbeat: short, so that a test sees one soon. */
    public static final Duration EVENTS_HEARTBEAT = Duration.ofSeconds(2);

    /**
     * How often the test server marks reservations past their expiry EXPIRED: often, so that a test
     * sees its sweep soon. (A system property, which MicroProfile Config reads before its defaults.)
     */
    public static final Duration RESERVATION_SWEEP = Duration.ofSeconds(1);
    /** How long a request may wait for the database bulkhead on this server (the production waits 1 s). */
    /** The largest CSV import the shared test server reads (STOCKROOM_MAX_IMPORT_BYTES): 4 MiB. */
    public static final long MAX_IMPORT_BYTES = 4L * 1024 * 1024;
    static final Duration BULKHEAD_WAIT = Duration.ofSeconds(15);

    /**
     * The password of the user {@code admin}, whom the test server creates on its first start
     * ({@code STOCKROOM_ADMIN_PASSWORD}). Only for tests.
     */
    public static final String ADMIN_PASSWORD = "test-admin-password-7Qm2";

    /**
     * The password of each test user the server is given at its start: {@code test-viewer},
     * {@code test-clerk}, {@code test-manager} and {@code test-admin}, one per role. Only for tests.
     */
    public static final String TEST_USER_PASSWORD = "test-user-password-K4v8";

    /**
     * Set to {@code true} (failsafe execution "login-tests") for a server with the production's
     * limits on failed log-ins; otherwise they are far above what any test sends, as the other
     * tests log in with wrong passwords from 127.0.0.1 and a 429 there would only make them flaky.
     */
    public static final String PRODUCTION_LOGIN_LIMITS_PROPERTY = "stockroom.test.production-login-limits";

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");
    private static final Map<Role, String> TOKENS = new ConcurrentHashMap<>();

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
            // deadlocks the concurrency tests instead of passing unnoticed. The log-in tests run
            // the production's pool (and so its bulkhead of 20): they measure what a flood of
            // log-ins takes from stock work on a server as it is deployed.
            env.put("STOCKROOM_DB_POOL_SIZE", hasProductionLoginLimits() ? "10" : "2");
            env.put("STOCKROOM_IDEMPOTENCY_TTL", IDEMPOTENCY_TTL.toString());
            env.put("STOCKROOM_SESSION_CACHE_TTL", SESSION_CACHE_TTL.toString());
            env.put("STOCKROOM_EVENTS_HEARTBEAT", EVENTS_HEARTBEAT.toString());
            env.put("STOCKROOM_ADMIN_PASSWORD", ADMIN_PASSWORD);
            // Small enough that a test can send a file over it in a moment; the memory test, whose
            // file is larger than its heap, raises it (failsafe execution "memory-tests").
            env.put("STOCKROOM_MAX_IMPORT_BYTES", System.getProperty("stockroom.test.max-import-bytes",
                    Long.toString(MAX_IMPORT_BYTES)));
            // Far above what any test sends: the limits themselves are tested on a server of
            // their own (RateLimitAndTlsEdgeIT), and a 429 here would only make tests flaky.
            env.put("STOCKROOM_RATE_LIMIT_PER_USER", "100000");
            env.put("STOCKROOM_RATE_LIMIT_PER_ADDRESS", "100000");
            if (!hasProductionLoginLimits()) {
                env.put("STOCKROOM_LOGIN_FAILURES_PER_USER_AND_ADDRESS", "100000");
                env.put("STOCKROOM_LOGIN_FAILURES_PER_ADDRESS", "100000");
                env.put("STOCKROOM_LOGIN_FAILURES_PER_USER", "100000");
            }
            System.setProperty("stockroom.reservations.sweep-interval", RESERVATION_SWEEP.toString());
            if (!hasProductionLoginLimits()) {
                // The concurrency tests send 50 writes on one product at once to a pool of 2 (a bulkhead
                // of 4): they queue on the product's lock, and on a loaded 2-core machine the queue can
                // take longer than the production's 1 s wait for the bulkhead, so they would see 503s that
                // say "busy", not what they check (no lost update, no over-issue). The bulkhead's 503 is
                // tested on its own (DatabaseResilienceTest); here requests wait as long as a client would.
                // And as many at once as the pool has connections, so that none waits for the pool,
                // whose 2 s time-out the breaker would count as a database outage.
                System.setProperty("stockroom.bulkhead.max-concurrent", "2");
                System.setProperty("stockroom.bulkhead.max-wait", BULKHEAD_WAIT.toString());
            }
            StockroomServer started = StockroomServer.start(ServerSettings.fromEnvironment(env));
            addTestUsers(started.database());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                deleteRecursively(dataDirectory);
            }, "stockroom-test-server-stop"));
            return started;
        } catch (Exception e) {
            throw new IllegalStateException("the test server did not start", e);
        }
    }

    /** Whether this test JVM's server refuses failed log-ins as the production does (5, 20, 100 per 15 minutes). */
    public static boolean hasProductionLoginLimits() {
        return Boolean.getBoolean(PRODUCTION_LOGIN_LIMITS_PROPERTY);
    }

    /**
     * A bearer token of the test user with that role, logged in once per test JVM. Plain
     * {@code java.net.http}, so that modules without REST Assured (the CLI's tests) can use it.
     */
    public static String tokenOf(Role role) {
        return TOKENS.computeIfAbsent(role, StockroomTestServer::logIn);
    }

    private static String logIn(Role role) {
        String body = "{\"username\":\"" + testUser(role) + "\",\"password\":\"" + TEST_USER_PASSWORD + "\"}";
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = TOKEN.matcher(answer.body());
            if (answer.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("log-in of " + testUser(role) + " failed: " + answer.statusCode() + " " + answer.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The user name of the test user with that role, e.g. {@code test-clerk}. */
    public static String testUser(Role role) {
        return "test-" + role.value();
    }

    private static void addTestUsers(DatabaseCoordinates database) throws SQLException {
        String hash = new PasswordHasher().hash(TEST_USER_PASSWORD.toCharArray());
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             PreparedStatement insert = connection.prepareStatement(
                     "insert into app_user (username, password_hash, role) values (?, ?, ?) on conflict do nothing")) {
            for (Role role : Role.values()) {
                insert.setString(1, testUser(role));
                insert.setString(2, hash);
                insert.setString(3, role.value());
                insert.addBatch();
            }
            insert.executeBatch();
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
