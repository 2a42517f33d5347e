package org.stockroom.fault;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stockroom.database.DatabaseCoordinates;
import org.stockroom.database.EmbeddedDatabase;
import org.stockroom.server.ServerSettings;
import org.stockroom.server.StockroomServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Database faults under load, through a TCP proxy between the app server and PostgreSQL:
 * an outage (every connection dropped for a few seconds) and a slow database (latency on
 * every round trip). Runs in a JVM of its own (failsafe execution "fault-tests"), since it
 * needs a server wired to the proxy. Every loop is bounded in time and stops by itself.
 */
@Timeout(120)
class DatabaseFaultIT {

    private static final Duration CUT_AT = Duration.ofSeconds(3);
    private static final Duration CUT_FOR = Duration.ofSeconds(5);
    private static final Duration RUN_FOR = Duration.ofSeconds(16);
    private static final int CLIENTS = 6;
    private static final Pattern MOVEMENT_ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([A-Za-z0-9_-]+)\"");

    private static EmbeddedDatabase database;
    private static TcpProxy proxy;
    private static final String ADMIN_PASSWORD = "fault-test-admin-password-9Tz3";

    private static StockroomServer server;
    private static String token;  // the admin's, got once the server is ready
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startServerBehindAProxy() throws Exception {
        database = EmbeddedDatabase.startTemporary();
        proxy = new TcpProxy(database.port());
        // Short enough for a test: the breaker opens after 5 calls and stays open 2 s.
        System.setProperty("stockroom.breaker.minimum-calls", "5");
        System.setProperty("stockroom.breaker.open-for", "PT2S");
        server = StockroomServer.start(ServerSettings.fromEnvironment(Map.of(
                DatabaseCoordinates.URL_VARIABLE, "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/stockroom",
                DatabaseCoordinates.USER_VARIABLE, "postgres",
                "STOCKROOM_HTTP_PORT", "0",
                "STOCKROOM_DATA_DIR", Files.createTempDirectory("stockroom-fault-").toString(),
                "STOCKROOM_DB_POOL_SIZE", "4",
                "STOCKROOM_ADMIN_PASSWORD", ADMIN_PASSWORD)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void anOutageUnderLoadFailsFastRecoversAndLosesOrDoublesNothing() throws Exception {
        awaitReady();
        assertThat(send("POST", "/api/v1/products", "{\"sku\":\"OUTAGE-1\",\"name\":\"Outage test\"}").statusCode())
                .isEqualTo(201);
        assertThat(send("POST", "/api/v1/locations", "{\"code\":\"OUT\",\"name\":\"Outage bin\"}").statusCode())
                .isEqualTo(201);

        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> postMovementsUntil(start, answers));
        }
        HttpResponse<String> readinessDuringCut = null;
        sleepUntil(start, CUT_AT);
        proxy.cut();
        sleepUntil(start, CUT_AT.plusSeconds(3));
        readinessDuringCut = send("GET", "/health/ready", null);
        sleepUntil(start, CUT_AT.plus(CUT_FOR));
        proxy.restore();
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        long restoredAt = CUT_AT.plus(CUT_FOR).toMillis();
        List<Answer> duringCut = answers.stream()
                // sent once the breaker had time to open, answered before the database came back
                .filter(a -> a.sentAtMillis > CUT_AT.toMillis() + 2500 && a.sentAtMillis + a.millis < restoredAt)
                .toList();
        List<Answer> acknowledged = answers.stream().filter(a -> a.status == 201).toList();
        assertThat(answers).noneSatisfy(a -> assertThat(a.status).isEqualTo(-1));  // no request went unanswered

        // While cut: every answer is a 503 problem with Retry-After, and, with the breaker open, a fast one.
        assertThat(duringCut).isNotEmpty();
        assertThat(duringCut).allSatisfy(a -> {
            assertThat(a.status).isEqualTo(503);
            assertThat(a.retryAfter).isNotBlank();
        });
        assertThat(median(duringCut.stream().map(a -> a.millis).toList())).isLessThan(100);
        assertThat(readinessDuringCut.statusCode()).isEqualTo(503);
        // DOWN: the breaker is OPEN, or (half-open, probing) the database check failed.
        assertThat(readinessDuringCut.body()).contains("\"status\":\"DOWN\"");
        // Never a 500, whatever the timing: 201, 503, or 409 while a retried key's first try is in flight.
        assertThat(answers).allSatisfy(a -> assertThat(a.status).isIn(201, 409, 503));
        // Recovered within 10 s of the database coming back.
        long firstSuccessAfterRestore = acknowledged.stream().mapToLong(a -> a.sentAtMillis + a.millis)
                .filter(t -> t > restoredAt).min().orElseThrow();
        assertThat(firstSuccessAfterRestore - restoredAt).isLessThan(10_000);

        // Every movement a client started was acknowledged once, under one id, and is in the
        // ledger exactly once: none lost, none doubled by the retries.
        Set<String> startedKeys = new HashSet<>(answers.stream().map(a -> a.key).toList());
        Map<String, Set<Long>> idsByKey = new java.util.HashMap<>();
        acknowledged.forEach(a -> idsByKey.computeIfAbsent(a.key, k -> new HashSet<>()).add(a.movementId));
        assertThat(idsByKey.keySet()).isEqualTo(startedKeys);
        assertThat(idsByKey.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        Set<Long> acknowledgedIds = new HashSet<>(idsByKey.values().stream().map(ids -> ids.iterator().next()).toList());
        List<Long> ledgerIds = ledgerMovementIds();
        assertThat(new HashSet<>(ledgerIds)).hasSameSizeAs(ledgerIds).isEqualTo(acknowledgedIds);
        assertThat(inconsistentOrNegativeLevels()).isZero();
        long replayed = acknowledged.stream().filter(a -> a.replayed).count();
        System.out.printf("outage figures: requests=%d movements=%d acknowledged=%d in-ledger=%d lost=%d duplicated=%d"
                        + " replayed=%d median-503-ms-while-open=%d recovered-after-ms=%d%n",
                answers.size(), startedKeys.size(), acknowledgedIds.size(), ledgerIds.size(),
                acknowledgedIds.size() - ledgerIds.stream().filter(acknowledgedIds::contains).count(),
                ledgerIds.size() - new HashSet<>(ledgerIds).size(), replayed,
                median(duringCut.stream().map(a -> a.millis).toList()), firstSuccessAfterRestore - restoredAt);
    }

    @Test
    void aSlowDatabaseTripsTheBreakerWhileHealthAndRefusalsStayFast() throws Exception {
        awaitReady();
        assertThat(send("POST", "/api/v1/locations", "{\"code\":\"SLOW\",\"name\":\"Slow bin\"}").statusCode())
                .isEqualTo(201);
        proxy.delay(1_200);  // every round trip to PostgreSQL now takes over a second
        try {
            List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(12);
            for (int i = 0; i < 12; i++) {
                clients.submit(() -> {
                    while (elapsedMillis(start) < 12_000) {
                        long sentAt = elapsedMillis(start);
                        try {
                            int status = send("GET", "/api/v1/locations/SLOW", null).statusCode();
                            answers.add(new Answer(sentAt, elapsedMillis(start) - sentAt, status, "", null));
                            if (status == 503) {
                                Thread.sleep(50);
                            }
                        } catch (Exception e) {
                            answers.add(new Answer(sentAt, elapsedMillis(start) - sentAt, -1, "", null));
                        }
                    }
                });
            }
            // While the load runs, liveness must answer at once: no thread pile-up behind the database.
            List<Long> liveness = new ArrayList<>();
            while (elapsedMillis(start) < 11_000) {
                long sentAt = System.nanoTime();
                assertThat(send("GET", "/health/live", null).statusCode()).isEqualTo(200);
                liveness.add((System.nanoTime() - sentAt) / 1_000_000);
                Thread.sleep(250);
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            List<Answer> late = answers.stream().filter(a -> a.sentAtMillis > 8_000).toList();
            assertThat(answers).allSatisfy(a -> assertThat(a.status).isIn(200, 503));
            assertThat(late).isNotEmpty();
            assertThat(late.stream().filter(a -> a.status == 503)).isNotEmpty();  // the breaker opened on slow calls
            assertThat(median(late.stream().filter(a -> a.status == 503).map(a -> a.millis).toList())).isLessThan(100);
            assertThat(median(liveness)).isLessThan(200);
            System.out.printf("slow-database figures: requests=%d ok=%d refused=%d median-liveness-ms=%d%n",
                    answers.size(), answers.stream().filter(a -> a.status == 200).count(),
                    answers.stream().filter(a -> a.status == 503).count(), median(liveness));
        } finally {
            proxy.delay(0);
        }
        awaitReady();
    }

    /** Waits (bounded) until readiness is UP: the breaker closed and the database answering. */
    private static void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (send("GET", "/health/ready", null).statusCode() != 200) {
            assertThat(System.nanoTime()).as("ready within 30 s").isLessThan(deadline);
            // Readiness only reports the breaker; a request lets a half-open breaker probe and close.
            send("GET", "/api/v1/locations?limit=1", null);
            Thread.sleep(200);
        }
        if (token == null) {
            HttpResponse<String> issued = send("POST", "/api/v1/auth/token",
                    "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
            token = TOKEN.matcher(issued.body()).results().findFirst().orElseThrow().group(1);
        }
    }

    private record Answer(long sentAtMillis, long millis, int status, String retryAfter, Long movementId,
                          String key, boolean replayed) {

        Answer(long sentAtMillis, long millis, int status, String retryAfter, Long movementId) {
            this(sentAtMillis, millis, status, retryAfter, movementId, null, false);
        }
    }

    /**
     * One client: posts RECEIVE movements, each with its own Idempotency-Key, and retries a
     * movement with the same key until it is acknowledged (honouring Retry-After, briefly),
     * before it starts the next. After the run it finishes the movement it is on, so every
     * movement it ever started ends acknowledged.
     */
    private void postMovementsUntil(long start, List<Answer> answers) {
        String body = "{\"type\":\"RECEIVE\",\"sku\":\"OUTAGE-1\",\"to\":\"OUT\",\"quantity\":1}";
        while (elapsedMillis(start) < RUN_FOR.toMillis()) {
            String key = java.util.UUID.randomUUID().toString();
            boolean acknowledged = false;
            while (!acknowledged && elapsedMillis(start) < RUN_FOR.toMillis() + 30_000) {
                long sentAt = elapsedMillis(start);
                try {
                    HttpResponse<String> response = send("POST", "/api/v1/movements", body, key);
                    Matcher id = MOVEMENT_ID.matcher(response.body());
                    acknowledged = response.statusCode() == 201;
                    answers.add(new Answer(sentAt, elapsedMillis(start) - sentAt, response.statusCode(),
                            response.headers().firstValue("Retry-After").orElse(""),
                            acknowledged && id.find() ? Long.parseLong(id.group(1)) : null, key,
                            response.headers().firstValue("Idempotent-Replayed").isPresent()));
                } catch (Exception e) {
                    answers.add(new Answer(sentAt, elapsedMillis(start) - sentAt, -1, "", null, key, false));
                }
                if (!acknowledged) {
                    sleepQuietly(50);  // a polite client: the test counts, it does not flood
                }
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        return send(method, path, json, null);
    }

    private static HttpResponse<String> send(String method, String path, String json, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (token != null && path.startsWith("/api/")) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Long> ledgerMovementIds() throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = database.coordinates().connect();
             ResultSet rows = connection.createStatement().executeQuery(
                     "select m.id from stock_movement m join product p on p.id = m.product_id where p.sku = 'OUTAGE-1'")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static long inconsistentOrNegativeLevels() throws Exception {
        try (Connection connection = database.coordinates().connect();
             ResultSet rows = connection.createStatement().executeQuery("""
                     select count(*) from stock_level s
                      where s.on_hand < 0 or s.on_hand <> (select coalesce(sum(e.delta), 0) from stock_ledger_entry e
                                            where e.product_id = s.product_id and e.location_id = s.location_id)""")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void sleepUntil(long start, Duration at) throws InterruptedException {
        long wait = at.toMillis() - elapsedMillis(start);
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
