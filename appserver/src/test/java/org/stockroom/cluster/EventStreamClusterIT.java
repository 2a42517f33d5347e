package org.stockroom.cluster;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.stockroom.testing.EventStream;
import org.stockroom.testing.EventStream.Event;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event stream on two app servers (packaged jars as processes) behind the real HAProxy: a
 * movement recorded on one server reaches the streams of both and of the balancer within a second;
 * a stream through HAProxy outlives its idle timeouts on heartbeats alone; 500 idle streams cost a
 * server less than 50 MB of heap; and a stream whose server dies resumes on the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventStreamClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** HAProxy's idle timeouts for a stream are 40 s (server) and 60 s (client): a stream quiet for longer lives on heartbeats. */
    private static final Duration BEYOND_THE_BALANCERS_SERVER_TIMEOUT = Duration.ofSeconds(45);
    private static final int IDLE_STREAMS = 500;
    private static final long HEAP_BUDGET_BYTES = 50L * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private static TestCluster cluster;
    private static String viewer;
    private static String clerk;
    private static String sku;
    private static String location;
    private static String quietSku;
    private static EventStream quietThroughTheBalancer;
    private static long quietSince;

    @BeforeAll
    static void startCluster() throws Exception {
        // The production's heartbeat (15 s): the balancer test is about it.
        cluster = TestCluster.start(2, Map.of());
        viewer = cluster.userWithRole(unique("watcher"), "viewer");
        clerk = cluster.userWithRole(unique("clerk"), "clerk");
        String manager = cluster.userWithRole(unique("manager"), "manager");
        sku = unique("EVC");
        quietSku = unique("EVC-QUIET");
        location = unique("EVC-L");
        for (String product : List.of(sku, quietSku)) {
            cluster.throughBalancer().header("Authorization", "Bearer " + manager)
                    .body(Map.of("sku", product, "name", "Events " + product)).post("/products").then().statusCode(201);
        }
        cluster.throughBalancer().header("Authorization", "Bearer " + manager)
                .body(Map.of("code", location, "name", "Events " + location)).post("/locations").then().statusCode(201);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (quietThroughTheBalancer != null) {
            quietThroughTheBalancer.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void givenStreamsOnBothServersAndTheBalancer_whenAMovementIsRecordedOnOne_thenAllThreeHaveItWithinASecond() {
        // Opened now, checked last: nothing moves its product meanwhile.
        quietThroughTheBalancer = EventStream.open(cluster.cluster().uri(), "sku=" + quietSku, viewer, null);
        quietSince = quietThroughTheBalancer.next("ready", WAIT).arrivedNanos();

        List<AppServerProcess> servers = cluster.cluster().servers();
        try (EventStream onFirst = EventStream.open(servers.get(0).uri(), "sku=" + sku, viewer, null);
             EventStream onSecond = EventStream.open(servers.get(1).uri(), "sku=" + sku, viewer, null);
             EventStream throughBalancer = EventStream.open(cluster.cluster().uri(), "sku=" + sku, viewer, null)) {
            for (EventStream stream : List.of(onFirst, onSecond, throughBalancer)) {
                stream.next("ready", WAIT);
            }
            // Untimed first: each server's first event loads the classes of the path (no AOT cache here).
            for (AppServerProcess recordedOn : servers) {
                long warmUp = record(recordedOn, sku);
                for (EventStream stream : List.of(onFirst, onSecond, throughBalancer)) {
                    stream.next(event -> event.name().equals("movement") && event.id().equals(Long.toString(warmUp)), WAIT);
                }
            }
            Map<EventStream, String> where = Map.of(onFirst, "app1's stream", onSecond, "app2's stream",
                    throughBalancer, "the balancer's stream");
            for (AppServerProcess recordedOn : servers) {
                long id = record(recordedOn, sku);
                long acknowledged = System.nanoTime();
                for (EventStream stream : List.of(onFirst, onSecond, throughBalancer)) {
                    Event movement = stream.next(event -> event.name().equals("movement")
                            && event.id().equals(Long.toString(id)), WAIT);
                    assertThat(Duration.ofNanos(movement.arrivedNanos() - acknowledged))
                            .as("movement %d recorded on %s, on %s", id, recordedOn.name(), where.get(stream))
                            .isLessThan(Duration.ofSeconds(1));
                }
            }
        }
    }

    /**
     * Honest figures of the server process: its heap after a full collection ({@code jcmd GC.run},
     * then {@code GC.heap_info}), before and while 500 streams are open and idle, each held by a raw
     * socket of this test that reads nothing after its {@code ready}.
     */
    @Test
    @Order(2)
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void given500IdleStreamsOnOneServer_whenHeld_thenTheServersHeapGrowsByLessThan50MB() throws Exception {
        AppServerProcess server = cluster.cluster().servers().get(1);
        // Warm up: the first streams load classes and fill pools that the next ones reuse.
        openIdleStreams(server, 20).forEach(EventStreamClusterIT::closeQuietly);
        awaitStreams(server, 0);

        long heapBefore = heapAfterFullGc(server);
        long rssBefore = residentSetKilobytes(server);
        List<Socket> streams = openIdleStreams(server, IDLE_STREAMS);
        try {
            assertThat(streams).hasSize(IDLE_STREAMS);
            awaitStreams(server, IDLE_STREAMS);
            long heapWith = heapAfterFullGc(server);
            long rssWith = residentSetKilobytes(server);
            long grown = heapWith - heapBefore;
            System.out.printf("EventStreamClusterIT: %d idle streams on %s: heap after a full GC %d KiB -> %d KiB"
                            + " (+%d KiB, %d bytes a stream); resident set %d KiB -> %d KiB%n",
                    IDLE_STREAMS, server.name(), heapBefore / 1024, heapWith / 1024, grown / 1024, grown / IDLE_STREAMS,
                    rssBefore, rssWith);
            assertThat(grown).as("heap the server holds for %d idle streams, in bytes", IDLE_STREAMS)
                    .isLessThan(HEAP_BUDGET_BYTES);
        } finally {
            streams.forEach(EventStreamClusterIT::closeQuietly);
        }
    }

    @Test
    @Order(3)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void givenAStreamThroughTheBalancerQuietForLongerThanItsIdleTimeout_whenAMovementComes_thenItStillArrives()
            throws Exception {
        long quietFor = System.nanoTime() - quietSince;
        long left = BEYOND_THE_BALANCERS_SERVER_TIMEOUT.toNanos() - quietFor;
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));  // the quiet time is what is under test here
        }
        long id = cluster.throughBalancer().header("Authorization", "Bearer " + clerk)
                .body(Map.of("type", "RECEIVE", "sku", quietSku, "to", location, "quantity", 1))
                .post("/movements").then().statusCode(201).extract().jsonPath().getLong("id");
        long acknowledged = System.nanoTime();

        List<Event> meanwhile = quietThroughTheBalancer.drain();
        assertThat(meanwhile).as("only heartbeats while quiet").allMatch(Event::isComment)
                .filteredOn(event -> event.data().equals("heartbeat")).hasSizeGreaterThanOrEqualTo(2);
        Event movement = quietThroughTheBalancer.next("movement", WAIT);
        assertThat(movement.id()).isEqualTo(Long.toString(id));
        assertThat(Duration.ofNanos(movement.arrivedNanos() - acknowledged)).isLessThan(Duration.ofSeconds(1));
    }

    /** Last: it kills a server. */
    @Test
    @Order(4)
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void givenAStreamWhoseServerDies_whenResumedThroughTheBalancerWithLastEventId_thenItGetsWhatWasRecordedMeanwhile()
            throws Exception {
        AppServerProcess victim = cluster.cluster().servers().get(0);
        String lastEventId;
        try (EventStream stream = EventStream.open(victim.uri(), "sku=" + sku, viewer, null)) {
            lastEventId = stream.next("ready", WAIT).id();
            victim.kill();
            stream.awaitEnd(System.nanoTime(), WAIT);
        }
        long missed = cluster.throughBalancer().header("Authorization", "Bearer " + clerk)
                .body(Map.of("type", "RECEIVE", "sku", sku, "to", location, "quantity", 2))
                .post("/movements").then().statusCode(201).extract().jsonPath().getLong("id");

        try (EventStream resumed = EventStream.open(cluster.cluster().uri(), "sku=" + sku, viewer, lastEventId)) {
            assertThat(resumed.status()).isEqualTo(200);
            Event movement = resumed.next(event -> event.name().equals("movement")
                    && JsonPath.from(event.data()).getLong("id") == missed, WAIT);
            assertThat(movement.id()).isEqualTo(Long.toString(missed));
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static long record(AppServerProcess on, String product) {
        return cluster.at(on).header("Authorization", "Bearer " + clerk)
                .body(Map.of("type", "RECEIVE", "sku", product, "to", location, "quantity", 3))
                .post("/movements").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /**
     * Opens streams with raw sockets, 16 at a time (each opening is a read of the database, and a
     * burst of hundreds at once would meet the server's database bulkhead: 503, as it should);
     * returns once each has its {@code ready}.
     */
    private static List<Socket> openIdleStreams(AppServerProcess server, int count) throws Exception {
        Semaphore opening = new Semaphore(16);
        String request = "GET /api/v1/events?sku=" + quietSku + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + server.port() + "\r\n"
                + "Accept: text/event-stream\r\n"
                + "Authorization: Bearer " + viewer + "\r\n\r\n";
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Socket>> sockets = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sockets.add(threads.submit(() -> {
                    opening.acquire();
                    try {
                        Socket socket = new Socket("127.0.0.1", server.port());
                        socket.setSoTimeout(30_000);
                        OutputStream out = socket.getOutputStream();
                        out.write(request.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        awaitText(socket.getInputStream(), "event: ready");
                        return socket;
                    } finally {
                        opening.release();
                    }
                }));
            }
            List<Socket> open = new ArrayList<>();
            for (Future<Socket> socket : sockets) {
                open.add(socket.get(2, TimeUnit.MINUTES));
            }
            return open;
        }
    }

    private static void awaitText(InputStream in, String text) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[512];
        while (seen.indexOf(text) < 0) {
            int read;
            try {
                read = in.read(buffer);
            } catch (IOException e) {
                throw new IOException("no '" + text + "' yet (" + e.getMessage() + "), only: " + seen, e);
            }
            if (read < 0) {
                throw new IOException("the stream ended before '" + text + "': " + seen);
            }
            seen.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            if (seen.length() > 12 && !seen.toString().startsWith("HTTP/1.1 200")) {
                throw new IOException("refused: " + seen);
            }
        }
    }

    /** Waits until the server counts this many open streams ({@code /metrics}). */
    private static void awaitStreams(AppServerProcess server, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long streams = -1;
        while (System.nanoTime() < deadline) {
            streams = openStreams(server.uri());
            if (streams == count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(server.name() + " counts " + streams + " open streams, not " + count);
    }

    private static long openStreams(URI server) {
        String metrics = io.restassured.RestAssured.given().baseUri(server.toString()).accept("text/plain")
                .get("/metrics").then().statusCode(200).extract().asString();
        Matcher gauge = Pattern.compile("(?m)^stockroom_events_streams(?:\\{[^}]*\\})? ([0-9.]+)$").matcher(metrics);
        assertThat(gauge.find()).as("the gauge in %s", metrics).isTrue();
        return (long) Double.parseDouble(gauge.group(1));
    }

    /** The server's used heap in bytes after two full collections, from {@code jcmd}. */
    private static long heapAfterFullGc(AppServerProcess server) throws Exception {
        jcmd(server, "GC.run");
        Thread.sleep(500);
        jcmd(server, "GC.run");
        long usedKilobytes = 0;
        for (String line : jcmd(server, "GC.heap_info").lines().toList()) {
            Matcher used = USED.matcher(line);
            if (used.find() && !line.strip().startsWith("Metaspace") && !line.strip().startsWith("class space")) {
                usedKilobytes += Long.parseLong(used.group(1));
            }
        }
        assertThat(usedKilobytes).as("used heap parsed from GC.heap_info").isPositive();
        return usedKilobytes * 1024;
    }

    private static String jcmd(AppServerProcess server, String command) throws Exception {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(server.pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("jcmd %s: %s", command, output).isZero();
        return output;
    }

    /** The process's resident set (Linux), for the record; 0 where /proc is not there. */
    private static long residentSetKilobytes(AppServerProcess server) throws IOException {
        Path status = Path.of("/proc", Long.toString(server.pid()), "status");
        if (!Files.isReadable(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36).substring(0, 8);
    }
}
