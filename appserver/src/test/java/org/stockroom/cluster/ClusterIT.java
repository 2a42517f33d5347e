package org.stockroom.cluster;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.stockroom.testing.Ledger;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.testing.AllAtOnce.concurrently;

/**
 * Three app servers on one PostgreSQL behind a real HAProxy, each server a process of the packaged
 * jar: the stock rules hold across servers, a crashed server loses no acknowledged movement and
 * doubles none, and a session ended on one server ends on all.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    /**
     * Long on purpose: a server that only waited for its cache to expire would still accept a
     * revoked token for this long; the tests require the others to refuse it within a second.
     */
    private static final Duration SESSION_CACHE_TTL = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static TestCluster cluster;
    private static String clerk;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = TestCluster.start(3, Map.of("STOCKROOM_SESSION_CACHE_TTL", SESSION_CACHE_TTL.toString()));
        clerk = cluster.userWithRole(unique("clerk"), "clerk");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void given50OnHand_when200ConcurrentIssuesOfOneGoThroughTheBalancer_thenExactly50SucceedOnAllThreeServers()
            throws Exception {
        String sku = unique("CLUSTER-RACE");
        String location = unique("CL-RACE");
        createProductAndLocation(sku, location);
        move(Map.of("type", "RECEIVE", "sku", sku, "to", location, "quantity", 50), null).then().statusCode(201);
        Map<String, Long> requestsBefore = requestsPerServer();

        Map<Integer, String> sampleBodies = new ConcurrentHashMap<>();
        List<Integer> statuses = concurrently(200, i -> {
            Response response = move(Map.of("type", "ISSUE", "sku", sku, "from", location, "quantity", 1), null);
            sampleBodies.putIfAbsent(response.statusCode(), response.body().asString());
            return response.statusCode();
        });

        assertThat(statuses.stream().collect(Collectors.groupingBy(status -> status, Collectors.counting())))
                .as("responses by status; one body of each: %s", sampleBodies).containsOnlyKeys(201, 409);
        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(50);
        assertThat(statuses.stream().filter(status -> status == 409)).hasSize(150);
        assertThat(onHand(sku, location)).isZero();
        assertThat(ledgerSum(sku, location)).isZero();
        assertThat(movementCount(sku)).isEqualTo(51);
        Map<String, Long> requestsAfter = requestsPerServer();
        assertThat(requestsAfter.keySet()).containsExactlyInAnyOrder("app1", "app2", "app3");
        requestsAfter.forEach((server, total) -> assertThat(total - requestsBefore.getOrDefault(server, 0L))
                .as("requests HAProxy sent to %s", server).isGreaterThan(10));
    }

    @Test
    @Order(2)
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void givenATokenSeenByEveryServer_whenRevokedOnOne_thenTheOthersRefuseItWithinASecond() throws Exception {
        String token = cluster.userWithRole(unique("leaver"), "viewer");
        List<AppServerProcess> servers = cluster.cluster().servers();
        for (AppServerProcess server : servers) {  // each server now holds the session in its cache
            cluster.at(server).header("Authorization", "Bearer " + token).get("/auth/me").then().statusCode(200);
        }

        cluster.at(servers.get(0)).header("Authorization", "Bearer " + token).post("/auth/logout").then().statusCode(204);
        long revoked = System.nanoTime();

        for (AppServerProcess server : servers.subList(1, servers.size())) {
            Duration refusedAfter = untilStatus(401, () -> cluster.at(server)
                    .header("Authorization", "Bearer " + token).get("/auth/me").statusCode(), revoked);
            assertThat(refusedAfter).as("%s refused the revoked token after", server.name())
                    .isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    @Order(3)
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void givenAClerkSeenByEveryServer_whenDemotedOnOne_thenTheOthersApplyTheNewRoleWithinASecond() throws Exception {
        String username = unique("demoted");
        String token = cluster.userWithRole(username, "clerk");
        String sku = unique("CLUSTER-ROLE");
        String location = unique("CL-ROLE");
        createProductAndLocation(sku, location);
        List<AppServerProcess> servers = cluster.cluster().servers();
        for (AppServerProcess server : servers) {
            cluster.at(server).header("Authorization", "Bearer " + token)
                    .body(Map.of("type", "RECEIVE", "sku", sku, "to", location, "quantity", 1))
                    .post("/movements").then().statusCode(201);
        }

        String admin = cluster.logIn("admin", TestCluster.ADMIN_PASSWORD);
        cluster.at(servers.get(2)).header("Authorization", "Bearer " + admin)
                .body(Map.of("role", "viewer")).patch("/users/" + username).then().statusCode(200);
        long demoted = System.nanoTime();

        for (AppServerProcess server : servers.subList(0, 2)) {
            Duration forbiddenAfter = untilStatus(403, () -> cluster.at(server).header("Authorization", "Bearer " + token)
                    .body(Map.of("type", "RECEIVE", "sku", sku, "to", location, "quantity", 1))
                    .post("/movements").statusCode(), demoted);
            assertThat(forbiddenAfter).as("%s applied the new role after", server.name()).isLessThan(Duration.ofSeconds(1));
        }
    }

    /**
     * Last: it kills a server. Eight clients post receipts with an Idempotency-Key through the
     * balancer and, as the Stockroom clients do, send the same request again after a failure. One
     * server is killed (SIGKILL) while they run.
     */
    @Test
    @Order(4)
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void givenClientsRetryingWithIdempotencyKeys_whenAServerIsKilledMidLoad_thenEveryAcknowledgedMovementIsInTheLedgerOnce()
            throws Exception {
        String sku = unique("CLUSTER-KILL");
        String location = unique("CL-KILL");
        createProductAndLocation(sku, location);
        int clients = 8;
        int movementsPerClient = 60;
        AppServerProcess victim = cluster.cluster().servers().get(1);
        CountDownLatch killed = new CountDownLatch(1);
        AtomicInteger done = new AtomicInteger();
        AtomicLong killedAt = new AtomicLong();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Duration outOfService;
        List<Long> attemptMillisAfterKill = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger clientRetries = new AtomicInteger();

        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                work.add(pool.submit(() -> {
                    for (int m = 0; m < movementsPerClient; m++) {
                        String key = UUID.randomUUID().toString();
                        Map<String, Object> receipt = Map.of("type", "RECEIVE", "sku", sku, "to", location,
                                "quantity", 1, "reference", key);
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                        while (true) {
                            long sent = System.nanoTime();
                            int status;
                            try {
                                status = move(receipt, key).statusCode();
                            } catch (RuntimeException connectionFailed) {
                                status = -1;
                            }
                            if (killedAt.get() != 0 && sent > killedAt.get()) {
                                attemptMillisAfterKill.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
                            }
                            if (status == 201) {
                                acknowledged.add(key);
                                break;
                            }
                            assertThat(status).as("a failed attempt: only these are retried").isIn(-1, 409, 502, 503, 504);
                            assertThat(System.nanoTime()).as("retried the same key for 30 s").isLessThan(deadline);
                            clientRetries.incrementAndGet();
                            Thread.sleep(100);
                        }
                        if (done.incrementAndGet() == clients * movementsPerClient / 3) {
                            killed.countDown();
                        }
                    }
                    return null;
                }));
            }
            assertThat(killed.await(90, TimeUnit.SECONDS)).as("a third of the movements were acknowledged").isTrue();
            killedAt.set(System.nanoTime());
            victim.kill();
            outOfService = untilTrue(() -> cluster.cluster().loadBalancer().statistics().stream()
                    .anyMatch(row -> row.server().equals(victim.name()) && row.status().startsWith("DOWN")), killedAt.get());
            for (Future<?> each : work) {
                each.get(2, TimeUnit.MINUTES);
            }
            assertThat(outOfService).as("HAProxy took the killed server out of service after").isLessThan(Duration.ofSeconds(2));
        }

        assertThat(victim.isAlive()).isFalse();
        assertThat(acknowledged).hasSize(clients * movementsPerClient);
        Map<String, Long> movementsByReference = movementsByReference(sku);
        assertThat(movementsByReference.keySet()).as("no acknowledged movement lost, none unacknowledged")
                .containsExactlyInAnyOrderElementsOf(acknowledged);
        assertThat(movementsByReference.values()).as("no movement recorded twice").containsOnly(1L);
        assertThat(onHand(sku, location)).isEqualTo(clients * movementsPerClient).isEqualTo(ledgerSum(sku, location));
        assertThat(attemptMillisAfterKill).as("attempts sent after the kill").isNotEmpty();
        assertThat(attemptMillisAfterKill.stream().mapToLong(Long::longValue).max().orElseThrow())
                .as("the slowest attempt sent after the kill, in ms (failed over to a live server)").isLessThan(2_000);
        System.out.printf("ClusterIT: killed %s after %d acknowledged movements; out of service after %d ms;"
                        + " %d attempts after the kill, slowest %d ms; %d client retries%n",
                victim.name(), clients * movementsPerClient / 3, outOfService.toMillis(), attemptMillisAfterKill.size(),
                attemptMillisAfterKill.stream().mapToLong(Long::longValue).max().orElseThrow(), clientRetries.get());
    }

    // ---------------------------------------------------------------------------------------------

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36).substring(0, 8);
    }

    private static void createProductAndLocation(String sku, String location) {
        String manager = cluster.userWithRole(unique("manager"), "manager");
        cluster.throughBalancer().header("Authorization", "Bearer " + manager)
                .body(Map.of("sku", sku, "name", "Cluster test " + sku)).post("/products").then().statusCode(201);
        cluster.throughBalancer().header("Authorization", "Bearer " + manager)
                .body(Map.of("code", location, "name", "Cluster test " + location)).post("/locations").then().statusCode(201);
    }

    private static Response move(Map<String, Object> movement, String idempotencyKey) {
        var request = cluster.throughBalancer().header("Authorization", "Bearer " + clerk).body(movement);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/movements");
    }

    private interface Check<T> {
        T get() throws Exception;
    }

    /** How long after {@code sinceNanos} the call first answered {@code status} (polled every 20 ms, for 10 s at most). */
    private static Duration untilStatus(int status, Check<Integer> call, long sinceNanos) throws Exception {
        return untilTrue(() -> call.get() == status, sinceNanos);
    }

    private static Duration untilTrue(Check<Boolean> condition, long sinceNanos) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("still not so after 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - sinceNanos);
    }

    private static Map<String, Long> requestsPerServer() throws Exception {
        return cluster.cluster().loadBalancer().statistics().stream()
                .filter(row -> row.server().startsWith("app"))
                .collect(Collectors.toMap(LoadBalancerProcess.Row::server, LoadBalancerProcess.Row::sessions));
    }

    private static long onHand(String sku, String location) {
        return Ledger.onHand(cluster.cluster().database(), sku, location);
    }

    private static long ledgerSum(String sku, String location) {
        return Ledger.ledgerSum(cluster.cluster().database(), sku, location);
    }

    private static long movementCount(String sku) {
        return Ledger.movementCount(cluster.cluster().database(), sku);
    }

    private static Map<String, Long> movementsByReference(String sku) throws Exception {
        try (var connection = cluster.cluster().database().connect();
             var statement = connection.prepareStatement("""
                     select m.reference, count(*) from stock_movement m join product p on p.id = m.product_id
                      where p.sku = ? group by m.reference""")) {
            statement.setString(1, sku);
            try (var result = statement.executeQuery()) {
                Map<String, Long> counts = new java.util.HashMap<>();
                while (result.next()) {
                    counts.put(result.getString(1), result.getLong(2));
                }
                return counts;
            }
        }
    }
}
