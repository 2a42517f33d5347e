package org.stockroom.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stockroom.client.model.Movement;
import org.stockroom.client.model.NewLocation;
import org.stockroom.client.model.NewMovement;
import org.stockroom.client.model.NewProduct;
import org.stockroom.client.model.ProductChanges;

import java.math.BigDecimal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which requests the client sends again, how long it waits in between and with which headers,
 * against a JDK HTTP server that answers from a script. The waits are recorded, not slept.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class StockroomClientRetryTest {

    private static final String MOVEMENT_JSON = """
            {"id":42,"type":"RECEIVE","sku":"BOLT-1","quantity":10,"from":null,"to":"MAIN",
             "reason":null,"reference":"PO-1","occurredAt":"2025-11-21T10:15:30Z","recordedBy":"cli"}
            """;
    private static final String PRODUCT_JSON = """
            {"sku":"BOLT-1","name":"Hex bolt","description":null,"unitOfMeasure":"EA",
             "category":"Fasteners","reorderPoint":5,"archived":false,"onHand":0,"version":3,
             "createdAt":"2025-11-21T10:15:30Z","updatedAt":"2025-11-21T10:15:31.250Z"}
            """;
    private static final String EMPTY_PAGE = "{\"items\":[],\"next\":null}";
    private static final NewMovement RECEIPT = NewMovement.receive("BOLT-1", BigDecimal.valueOf(10), "MAIN", null, "PO-1");
    /** Jitter that always draws the longest wait, so that waits can be asserted exactly. */
    private static final RandomGenerator LONGEST_WAIT = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    /** A request as the server saw it. */
    record Seen(String method, String path, String idempotencyKey, String body) {
    }

    /** One scripted answer. */
    @FunctionalInterface
    interface Answer {
        void give(HttpExchange exchange) throws IOException;
    }

    /** Real time plus the recorded waits: the clock moves as if the client had slept. */
    static final class FakeTime implements Sleeper, InstantSource {
        private final Instant start = Instant.now();
        private final long startNanos = System.nanoTime();
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }

        @Override
        public Instant instant() {
            return start.plusNanos(System.nanoTime() - startNanos).plus(slept());
        }

        Duration slept() {
            return waits.stream().reduce(Duration.ZERO, Duration::plus);
        }

        Duration elapsed() {
            return Duration.between(start, instant());
        }
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final FakeTime time = new FakeTime();
    private ExecutorService handlers;
    private HttpServer server;
    private String url;

    @BeforeEach
    void startServer() throws IOException {
        handlers = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::answer);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        release.countDown();
        server.stop(0);
        handlers.shutdownNow();
        assertThat(handlers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    /** Answers with the next scripted answer; the last one is repeated. */
    private void answer(HttpExchange exchange) throws IOException {
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Answer next = script.size() > 1 ? script.poll() : script.peek();
        next.give(exchange);
    }

    private void script(Answer... answers) {
        script.addAll(List.of(answers));
    }

    private StockroomClient client(String server, RetryPolicy policy, Duration requestTimeout) {
        return StockroomClient.builder()
                .server(server)
                .requestTimeout(requestTimeout)
                .retryPolicy(policy)
                .sleeper(time)
                .clock(time)
                .random(LONGEST_WAIT)
                .build();
    }

    private StockroomClient client() {
        return client(url, RetryPolicy.DEFAULT, Duration.ofSeconds(5));
    }

    private static String closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    // ---- Scripted answers ------------------------------------------------------------------------

    private static Answer json(int status, String body, String... headers) {
        return exchange -> {
            for (int i = 0; i < headers.length; i += 2) {
                exchange.getResponseHeaders().set(headers[i], headers[i + 1]);
            }
            exchange.getResponseHeaders().set("Content-Type",
                    status >= 400 ? "application/problem+json" : "application/json");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        };
    }

    private static Answer problem(int status, String type, String detail, String... headers) {
        return json(status, "{\"type\":\"" + type + "\",\"title\":\"t\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}", headers);
    }

    private static Answer unavailable(String retryAfter) {
        return retryAfter == null
                ? problem(503, "https://stockroom.dev/problems/database-unavailable", "The database is unavailable")
                : problem(503, "https://stockroom.dev/problems/database-unavailable", "The database is unavailable",
                "Retry-After", retryAfter);
    }

    private static Answer inFlight() {
        return problem(409, StockroomClient.IDEMPOTENCY_KEY_IN_FLIGHT,
                "A request with this key is still being processed");
    }

    /** Answers nothing until the test ends (or 10 s pass). */
    private Answer silence() {
        return exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        };
    }

    /** Sends the status line, the headers and a few bytes of the body, then nothing until the test ends. */
    private Answer stallMidway() {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, EMPTY_PAGE.length());
            exchange.getResponseBody().write(EMPTY_PAGE.substring(0, 5).getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        };
    }

    private List<String> keysSeen() {
        return seen.stream().map(Seen::idempotencyKey).toList();
    }

    private void assertWithinBudget(RetryPolicy policy) {
        assertThat(time.elapsed()).isLessThan(policy.budget());
    }

    // ---- Retried ---------------------------------------------------------------------------------

    @Test
    void retriesAKeyedPostAfter503AsLongAsRetryAfterSaysWithTheSameKeyAndBody() {
        script(unavailable("2"), unavailable("1"), json(201, MOVEMENT_JSON));
        String key = IdempotencyKeys.newKey();

        try (StockroomClient client = client()) {
            Movement movement = client.movements().record(RECEIPT, key);

            assertThat(movement.id()).isEqualTo(42);
        }
        assertThat(seen).hasSize(3).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/v1/movements");
            assertThat(request.body()).isEqualTo(seen.getFirst().body());
        });
        assertThat(keysSeen()).containsExactly(key, key, key);
        assertThat(time.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(1));
        assertWithinBudget(RetryPolicy.DEFAULT);
    }

    @Test
    void readsRetryAfterAsAnHttpDate() {
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(time.instant().plusSeconds(3).atOffset(ZoneOffset.UTC));
        script(unavailable(inThreeSeconds), json(200, EMPTY_PAGE));

        try (StockroomClient client = client()) {
            assertThat(client.locations().list(null, null).items()).isEmpty();
        }
        assertThat(seen).hasSize(2);
        assertThat(time.waits).singleElement()
                .satisfies(wait -> assertThat(wait).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3)));
    }

    @Test
    void retriesAKeyedPostWhoseFirstRequestIsStillInFlightAndGetsTheReplay() {
        script(inFlight(), json(201, PRODUCT_JSON, "Idempotent-Replayed", "true", "ETag", "\"3\""));
        String key = IdempotencyKeys.newKey();

        try (StockroomClient client = client()) {
            Versioned<?> created = client.products().create(new NewProduct("BOLT-1", "Hex bolt", null, null, null, BigDecimal.valueOf(5)), key);

            assertThat(created.etag()).isEqualTo("\"3\"");
        }
        assertThat(keysSeen()).containsExactly(key, key);
        assertThat(time.waits).singleElement()
                .satisfies(wait -> assertThat(wait).isLessThanOrEqualTo(RetryPolicy.DEFAULT.initialBackoff()));
    }

    @Test
    void retriesAGetThatGetsNoAnswerInTime() {
        script(silence(), json(200, EMPTY_PAGE));

        try (StockroomClient client = client(url, RetryPolicy.DEFAULT, Duration.ofMillis(300))) {
            assertThat(client.locations().list(null, null).items()).isEmpty();
        }
        assertThat(seen).hasSize(2).allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
        assertThat(seen).extracting(Seen::idempotencyKey).containsOnlyNulls();
        assertThat(time.waits).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void retriesAGetWhoseAnswerStopsHalfway() {
        script(stallMidway(), json(200, EMPTY_PAGE));

        try (StockroomClient client = client(url, RetryPolicy.DEFAULT, Duration.ofMillis(300))) {
            assertThat(client.locations().list(null, null).items()).isEmpty();
        }
        assertThat(seen).hasSize(2);
        assertThat(time.waits).hasSize(1);
    }

    @Test
    void theRequestTimeoutCoversTheBodyToo() {
        script(stallMidway());

        try (StockroomClient client = client(url, RetryPolicy.NONE, Duration.ofMillis(300))) {
            assertThatThrownBy(() -> client.locations().list(null, null))
                    .isInstanceOfSatisfying(ServerUnreachableException.class,
                            e -> assertThat(e.reason()).isEqualTo("no answer within 300 ms"));
        }
        assertThat(seen).hasSize(1);
        assertThat(time.elapsed()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void retriesAKeyedPostThatGetsNoAnswerInTime() {
        script(silence(), json(201, """
                {"code":"MAIN","name":"Main warehouse","createdAt":"2025-11-21T10:15:30Z"}
                """));
        String key = IdempotencyKeys.newKey();

        try (StockroomClient client = client(url, RetryPolicy.DEFAULT, Duration.ofMillis(300))) {
            assertThat(client.locations().create(new NewLocation("MAIN", "Main warehouse"), key).code())
                    .isEqualTo("MAIN");
        }
        assertThat(keysSeen()).containsExactly(key, key);
    }

    @Test
    void retriesAGetWhoseConnectionIsDroppedWithoutAnAnswer() {
        script(HttpExchange::close, json(200, EMPTY_PAGE));

        try (StockroomClient client = client()) {
            assertThat(client.locations().list(null, null).items()).isEmpty();
        }
        assertThat(seen).hasSize(2);
    }

    @Test
    void retriesOn502And504Too() {
        script(problem(502, "about:blank", "Bad Gateway"), problem(504, "about:blank", "Gateway Timeout"),
                json(200, EMPTY_PAGE));

        try (StockroomClient client = client()) {
            assertThat(client.locations().list(null, null).items()).isEmpty();
        }
        assertThat(seen).hasSize(3);
        assertThat(time.waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void retriesWhenNothingListensThenSaysTheServerIsUnreachable() throws IOException {
        String closed = closedPort();

        try (StockroomClient client = client(closed, RetryPolicy.DEFAULT, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.movements().record(RECEIPT, IdempotencyKeys.newKey()))
                    .isInstanceOf(ServerUnreachableException.class)
                    .hasMessage("cannot reach the Stockroom server at " + closed + " (connection refused)");
            assertThat(time.waits).as("three retries after the first attempt")
                    .containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));

            time.waits.clear();
            assertThatThrownBy(() -> client.stock().levels(org.stockroom.client.model.StockQuery.all()))
                    .isInstanceOf(ServerUnreachableException.class);
            assertThat(time.waits).hasSize(3);
        }
        assertWithinBudget(RetryPolicy.DEFAULT);
    }

    // ---- Given up ----------------------------------------------------------------------------------

    @Test
    void givesUpAfterMaxAttemptsWithTheLast503() {
        script(unavailable(null));

        try (StockroomClient client = client()) {
            assertThatThrownBy(() -> client.locations().list(null, null))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.detail()).isEqualTo("The database is unavailable");
                    });
        }
        assertThat(seen).hasSize(4);
        assertThat(time.waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
    }

    @Test
    void startsNoWaitThatWouldEndAfterTheBudget() {
        RetryPolicy policy = RetryPolicy.DEFAULT.withMaxAttempts(10).withBudget(Duration.ofSeconds(2));
        script(unavailable(null));

        try (StockroomClient client = client(url, policy, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.locations().list(null, null)).isInstanceOf(ProblemException.class);
        }
        assertThat(time.waits).as("200 + 400 + 800 ms fit in 2 s, another 1600 ms would not")
                .containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
        assertThat(seen).hasSize(4);
        assertWithinBudget(policy);
    }

    @Test
    void givesUpAtOnceWhenRetryAfterReachesPastTheBudget() {
        script(unavailable("60"), json(201, MOVEMENT_JSON));

        try (StockroomClient client = client()) {
            assertThatThrownBy(() -> client.movements().record(RECEIPT, IdempotencyKeys.newKey()))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(503));
        }
        assertThat(seen).hasSize(1);
        assertThat(time.waits).isEmpty();
    }

    @Test
    void givesARetriedAttemptNoMoreTimeThanTheBudgetHasLeft() {
        RetryPolicy policy = RetryPolicy.DEFAULT.withBudget(Duration.ofSeconds(2));
        script(unavailable("0"), silence());

        try (StockroomClient client = client(url, policy, Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> client.locations().list(null, null))
                    .isInstanceOfSatisfying(ServerUnreachableException.class,
                            e -> assertThat(e.reason()).matches("no answer within (1[0-9]{3} ms|2 s)"));
        }
        assertThat(seen).hasSize(2);
        assertThat(time.elapsed()).isLessThan(Duration.ofSeconds(4));
    }

    // ---- Sent once ---------------------------------------------------------------------------------

    @Test
    void sendsAPostWithoutAKeyExactlyOnce() throws IOException {
        script(unavailable("0"), json(201, MOVEMENT_JSON));

        try (StockroomClient client = client()) {
            assertThatThrownBy(() -> client.movements().record(RECEIPT))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(503));
        }
        assertThat(seen).singleElement().satisfies(request -> assertThat(request.idempotencyKey()).isNull());

        try (StockroomClient client = client(closedPort(), RetryPolicy.DEFAULT, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.locations().create(new NewLocation("MAIN", "Main")))
                    .isInstanceOf(ServerUnreachableException.class);
        }
        assertThat(time.waits).isEmpty();
    }

    @Test
    void neverRetriesAPutOrADelete() throws IOException {
        script(unavailable("0"));

        try (StockroomClient client = client()) {
            assertThatThrownBy(() -> client.products().update("BOLT-1",
                    new ProductChanges("Hex bolt", null, "EA", null, BigDecimal.valueOf(5)), "\"3\""))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(503));
            assertThatThrownBy(() -> client.products().archive("BOLT-1"))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(503));
        }
        assertThat(seen).extracting(Seen::method).containsExactly("PUT", "DELETE");

        try (StockroomClient client = client(closedPort(), RetryPolicy.DEFAULT, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.products().update("BOLT-1",
                    new ProductChanges("Hex bolt", null, "EA", null, BigDecimal.valueOf(5)), "\"3\""))
                    .isInstanceOf(ServerUnreachableException.class);
        }
        assertThat(time.waits).isEmpty();
    }

    @Test
    void doesNotRetryARefusalEvenWithAKey() {
        script(problem(422, "https://stockroom.dev/problems/invalid-fields", "1 field is invalid"),
                problem(409, "https://stockroom.dev/problems/insufficient-stock", "Insufficient stock"),
                problem(500, "https://stockroom.dev/problems/internal-error", "Internal error"),
                json(201, MOVEMENT_JSON));

        try (StockroomClient client = client()) {
            for (int expected : new int[] {422, 409, 500}) {
                assertThatThrownBy(() -> client.movements().record(RECEIPT, IdempotencyKeys.newKey()))
                        .isInstanceOfSatisfying(ProblemException.class,
                                e -> assertThat(e.status()).isEqualTo(expected));
            }
        }
        assertThat(seen).hasSize(3);
        assertThat(time.waits).isEmpty();
    }

    @Test
    void doesNotRetryAnUnknownHost() {
        try (StockroomClient client = client("http://stockroom.invalid:8080", RetryPolicy.DEFAULT,
                Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.locations().list(null, null))
                    .isInstanceOf(ServerUnreachableException.class)
                    .hasMessageEndingWith("(unknown host stockroom.invalid)");
        }
        assertThat(time.waits).isEmpty();
    }

    @Test
    void sendsEverythingOnceWithoutRetries() {
        script(unavailable("0"));

        try (StockroomClient client = client(url, RetryPolicy.NONE, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.movements().record(RECEIPT, "key-1")).isInstanceOf(ProblemException.class);
            assertThatThrownBy(() -> client.locations().list(null, null)).isInstanceOf(ProblemException.class);
        }
        assertThat(seen).extracting(Seen::idempotencyKey).containsExactly("key-1", null);
        assertThat(time.waits).isEmpty();
    }

    @Test
    void refusesAKeyThatCannotBeAHeader() {
        try (StockroomClient client = client()) {
            assertThatThrownBy(() -> client.movements().record(RECEIPT, "two words"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(seen).isEmpty();
    }
}
