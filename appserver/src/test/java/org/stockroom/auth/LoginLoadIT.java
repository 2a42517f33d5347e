package org.stockroom.auth;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stockroom.testing.LoopbackClients;
import org.stockroom.testing.StockroomTestServer;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.tokenOf;
import static org.stockroom.testing.Api.unique;

/**
 * Log-ins do not hold database capacity (issue 13): 100 clients log in at once, nearly all with
 * wrong passwords, while 8 clients post movements; the movements all succeed, and their p99 stays
 * within twice that of quiet runs of the same movements, which take turns with the loaded ones.
 *
 * <p>The attack: 95 clients from one address guess passwords of 10 names (5 real users, 5
 * unknown), each pausing 250 ms between guesses: about 380 guesses per second, just under the
 * default per-address rate limit (400/s; the test server's is far higher), and ten times the
 * 34 per second of the report in the issue. Meanwhile 5 clients from addresses of their own log
 * in with the right password every second. Runs on the server with the production's limits.
 * A measurement whose p99s miss the bound is taken once more (the machine is shared), and every
 * measurement must show no failed movement and no stalled log-in.
 */
@Timeout(240)
class LoginLoadIT {

    private static final int MOVEMENT_CLIENTS = 8;
    private static final int WARM_UP_MOVEMENTS = 25;
    private static final int MOVEMENTS_PER_CLIENT = 150;
    private static final int ROUNDS = 3;
    private static final int ATTACKERS = 95;
    private static final int LEGITIMATE = 5;
    private static final Duration ATTACKER_PAUSE = Duration.ofMillis(250);
    private static final Duration LEGITIMATE_PAUSE = Duration.ofMillis(1000);
    private static final String PASSWORD = "load test password 0815";

    @BeforeAll
    static void onlyOnAServerWithTheProductionLimits() {
        assumeTrue(StockroomTestServer.hasProductionLoginLimits(),
                "run by the failsafe execution login-tests, whose server has the production's limits");
    }

    @Test
    void givenAFloodOfMostlyWrongLogIns_whenClientsPostMovements_thenTheyAllSucceedAndTheirP99StaysWithinTwiceTheQuietOne()
            throws Exception {
        String sku = unique("LOAD");
        createProduct(sku, 0);
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < MOVEMENT_CLIENTS; i++) {
            locations.add(unique("LOAD-LOC"));
            createLocation(locations.getLast());
        }
        List<String> realUsers = new ArrayList<>();
        for (int i = 0; i < LEGITIMATE; i++) {
            realUsers.add(unique("loaded"));
            api().body(Map.of("username", realUsers.getLast(), "password", PASSWORD, "role", "viewer")).post("/users")
                    .then().statusCode(201);
        }
        List<String> guessedNames = new ArrayList<>(realUsers);
        for (int i = 0; i < 5; i++) {
            guessedNames.add(unique("nobody"));
        }
        String clerk = tokenOf(org.stockroom.security.Role.CLERK);

        postMovements(sku, locations, clerk, WARM_UP_MOVEMENTS);  // JIT and pool warm, not measured
        Measurement first = measure(sku, locations, clerk, realUsers, guessedNames);
        first.assertTheServerHeld();
        // The p99s come from a 2-core machine that others share: a first measurement over the bound
        // is taken again, and the second must hold it. A flood that really slows movements fails both.
        Measurement measured = first.p99WithinTwiceTheQuietOne() ? first
                : measure(sku, locations, clerk, realUsers, guessedNames);
        measured.assertTheServerHeld();
        assertThat(measured.loaded().percentile(99)).as("loaded p99 against twice the quiet p99")
                .isLessThanOrEqualTo(2 * measured.quiet().percentile(99));
    }

    /** The movements of quiet and loaded rounds, and the log-ins of the flood. */
    private record Measurement(Run quiet, Run loaded, List<LogIn> logIns) {

        boolean p99WithinTwiceTheQuietOne() {
            return loaded.percentile(99) <= 2 * quiet.percentile(99);
        }

        void assertTheServerHeld() {
            Map<Integer, Integer> outcomes = new TreeMap<>();
            Map<Integer, Integer> legitimateOutcomes = new TreeMap<>();
            logIns.forEach(logIn -> outcomes.merge(logIn.status(), 1, Integer::sum));
            logIns.stream().filter(LogIn::legitimate).forEach(logIn -> legitimateOutcomes.merge(logIn.status(), 1, Integer::sum));
            long slowestLogInMillis = logIns.stream().mapToLong(LogIn::millis).max().orElse(0);
            System.out.printf("LoginLoadIT: quiet movements p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d); loaded p50 %.1f ms,"
                            + " p99 %.1f ms, max %.1f ms (%d); log-ins by status %s (the right password: %s), slowest %d ms%n",
                    quiet.percentile(50), quiet.percentile(99), quiet.percentile(100), quiet.millis().size(),
                    loaded.percentile(50), loaded.percentile(99), loaded.percentile(100), loaded.millis().size(),
                    outcomes, legitimateOutcomes, slowestLogInMillis);

            assertThat(quiet.statuses()).containsOnly(201);
            assertThat(loaded.statuses()).as("movements during the flood: no 503 from the database bulkhead").containsOnly(201);
            assertThat(outcomes.keySet()).isSubsetOf(200, 401, 429, 503).contains(200, 401, 429);
            assertThat(logIns).filteredOn(logIn -> logIn.status() == 503)
                    .allSatisfy(logIn -> assertThat(logIn.retryAfter()).as("503 with Retry-After").isTrue());
            assertThat(logIns).filteredOn(LogIn::legitimate).extracting(LogIn::status)
                    .as("the right password from other addresses still logs in").contains(200);
            assertThat(slowestLogInMillis).as("no log-in stalls").isLessThan(10_000);
        }
    }

    private static Measurement measure(String sku, List<String> locations, String clerk, List<String> realUsers,
                                       List<String> guessedNames) throws Exception {
        HttpClient attackerAddress = LoopbackClients.from(LoopbackClients.randomAddress());
        List<HttpClient> ownAddresses = realUsers.stream().map(user -> LoopbackClients.from(LoopbackClients.randomAddress())).toList();
        AtomicInteger guesses = new AtomicInteger();
        List<LogIn> logIns = Collections.synchronizedList(new ArrayList<>());
        Run quiet = new Run();
        Run loaded = new Run();
        // Quiet and loaded rounds take turns, so that the other work on this shared machine weighs on both alike.
        for (int round = 0; round < ROUNDS; round++) {
            quiet.add(postMovements(sku, locations, clerk, MOVEMENTS_PER_CLIENT / ROUNDS));
            AtomicBoolean flooding = new AtomicBoolean(true);
            try (ExecutorService flood = Executors.newVirtualThreadPerTaskExecutor()) {
                int before = logIns.size();
                for (int i = 0; i < ATTACKERS; i++) {
                    flood.submit(() -> logInUntilStopped(flooding, logIns, ATTACKER_PAUSE, false,
                            () -> attackerAddress, () -> guessedNames.get(guesses.get() % guessedNames.size()),
                            () -> "wrong guess " + guesses.incrementAndGet()));
                }
                for (int i = 0; i < LEGITIMATE; i++) {
                    HttpClient ownAddress = ownAddresses.get(i);
                    String user = realUsers.get(i);
                    flood.submit(() -> logInUntilStopped(flooding, logIns, LEGITIMATE_PAUSE, true,
                            () -> ownAddress, () -> user, () -> PASSWORD));
                }
                long floodStarted = System.nanoTime();
                while (logIns.size() - before < ATTACKERS && System.nanoTime() - floodStarted < TimeUnit.SECONDS.toNanos(10)) {
                    Thread.sleep(10);  // the flood is on before the measured movements start
                }
                try {
                    loaded.add(postMovements(sku, locations, clerk, MOVEMENTS_PER_CLIENT / ROUNDS));
                } finally {
                    flooding.set(false);
                }
            }
        }

        return new Measurement(quiet, loaded, List.copyOf(logIns));
    }

    private record LogIn(int status, boolean retryAfter, long millis, boolean legitimate) {
    }

    private interface Pick<T> {
        T next();
    }

    private static void logInUntilStopped(AtomicBoolean flooding, List<LogIn> logIns, Duration pause, boolean legitimate,
                                          Pick<HttpClient> client, Pick<String> name, Pick<String> password) {
        try {
            while (flooding.get()) {
                long start = System.nanoTime();
                HttpResponse<String> answer = LoopbackClients.logIn(client.next(), name.next(), password.next());
                logIns.add(new LogIn(answer.statusCode(), answer.headers().firstValue("Retry-After").isPresent(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), legitimate));
                Thread.sleep(pause.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Movement times in ms and statuses, of all clients together. */
    private record Run(List<Double> millis, List<Integer> statuses) {

        Run() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        void add(Run other) {
            millis.addAll(other.millis);
            statuses.addAll(other.statuses);
        }

        double percentile(int percent) {
            List<Double> sorted = millis.stream().sorted().toList();
            int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    /** Each client receives one item at a time into a location of its own, with a fresh Idempotency-Key each. */
    private static Run postMovements(String sku, List<String> locations, String token, int perClient) throws Exception {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> clients = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(MOVEMENT_CLIENTS);
             HttpClient http = HttpClient.newHttpClient()) {
            for (String location : locations) {
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        long start = System.nanoTime();
                        HttpResponse<String> answer = LoopbackClients.send(http, HttpRequest.newBuilder(
                                        StockroomTestServer.baseUri().resolve("/api/v1/movements"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + token)
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"RECEIVE\",\"sku\":\"" + sku
                                        + "\",\"to\":\"" + location + "\",\"quantity\":1}")));
                        millis.add((System.nanoTime() - start) / 1e6);
                        statuses.add(answer.statusCode());
                    }
                }));
            }
            for (Future<?> client : clients) {
                client.get(120, TimeUnit.SECONDS);
            }
        }
        return new Run(millis, statuses);
    }
}
