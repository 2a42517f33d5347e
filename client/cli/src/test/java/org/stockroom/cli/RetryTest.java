package org.stockroom.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a command sends when the server is unavailable for a moment: the same request with the
 * same idempotency key until it gets through, or one line and exit code 2 when it never does.
 * The server is a JDK HTTP server answering from a script; its 503s say {@code Retry-After: 0},
 * so the retries cost no time.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RetryTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String MOVEMENT_JSON = """
            {"id":42,"type":"RECEIVE","sku":"BOLT-1","quantity":10,"from":null,"to":"MAIN",
             "reason":null,"reference":null,"occurredAt":"2025-11-21T10:15:30Z","recordedBy":"cli"}
            """;
    private static final String PRODUCT_JSON = """
            {"sku":"BOLT-1","name":"Hex bolt","description":null,"unitOfMeasure":"EA",
             "category":null,"reorderPoint":0,"archived":false,"onHand":0,"version":0,
             "createdAt":"2025-11-21T10:15:30Z","updatedAt":"2025-11-21T10:15:30Z"}
            """;

    record Seen(String method, String path, String idempotencyKey) {
    }

    record Answer(int status, String body, String retryAfter) {
    }

    record Run(int exitCode, String out, String err) {
    }

    private static final Answer UNAVAILABLE = new Answer(503, """
            {"type":"https://stockroom.dev/problems/database-unavailable","title":"Database unavailable",
             "status":503,"detail":"The database could not complete the request; try again shortly"}
            """, "0");

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final Map<String, String> environment = new HashMap<>();
    private ExecutorService handlers;
    private HttpServer server;

    @TempDir
    Path config;

    @BeforeEach
    void startServer() throws IOException {
        environment.put("STOCKROOM_CONFIG_DIR", config.toString());  // never the user's real session file
        handlers = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.stop(0);
        handlers.shutdownNow();
        assertThat(handlers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    /** Answers with the next scripted answer; the last one is repeated. */
    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Idempotency-Key")));
        Answer answer = script.size() > 1 ? script.poll() : script.peek();
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
        }
        if (answer.status() < 400) {
            exchange.getResponseHeaders().set("ETag", "\"0\"");
        }
        exchange.getResponseHeaders().set("Content-Type",
                answer.status() >= 400 ? "application/problem+json" : "application/json");
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void script(Answer... answers) {
        script.addAll(List.of(answers));
    }

    private Run stockroom(String... args) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        List<String> withServer = new ArrayList<>(List.of("--server", url));
        withServer.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(withServer.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                environment, ZoneOffset.UTC);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private List<String> keysSeen() {
        return seen.stream().map(Seen::idempotencyKey).toList();
    }

    @Test
    void aMovementIsSentAgainWithTheSameKeyUntilItGetsThrough() {
        script(UNAVAILABLE, UNAVAILABLE, new Answer(201, MOVEMENT_JSON, null));

        Run run = stockroom("stock", "receive", "BOLT-1", "10", "--to", "MAIN");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Received 10 BOLT-1 at MAIN (movement 42)." + System.lineSeparator());
        assertThat(run.err()).isEmpty();
        assertThat(seen).hasSize(3).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/v1/movements");
        });
        assertThat(keysSeen().getFirst()).matches(UUID);
        assertThat(keysSeen()).containsOnly(keysSeen().getFirst());
    }

    @Test
    void aMovementWhoseFirstAttemptIsStillInFlightIsAskedForAgainWithTheSameKey() {
        script(new Answer(409, """
                {"type":"https://stockroom.dev/problems/idempotency-key-in-flight","title":"In flight",
                 "status":409,"detail":"A request with this key is still being processed"}
                """, null), new Answer(201, MOVEMENT_JSON, null));

        Run run = stockroom("stock", "receive", "BOLT-1", "10", "--to", "MAIN");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(keysSeen()).hasSize(2).doesNotContainNull().containsOnly(keysSeen().getFirst());
    }

    @Test
    void everyCommandMakesAFreshKey() {
        script(new Answer(201, PRODUCT_JSON, null));

        assertThat(stockroom("product", "add", "BOLT-1", "--name", "Hex bolt").exitCode()).isZero();
        assertThat(stockroom("product", "add", "BOLT-1", "--name", "Hex bolt").exitCode()).isZero();

        assertThat(keysSeen()).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void aLocationIsAddedWithAKeyToo() {
        script(UNAVAILABLE, new Answer(201, """
                {"code":"MAIN","name":"Main warehouse","createdAt":"2025-11-21T10:15:30Z"}
                """, null));

        Run run = stockroom("location", "add", "MAIN", "--name", "Main warehouse");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(keysSeen()).hasSize(2).doesNotContainNull().containsOnly(keysSeen().getFirst());
    }

    @Test
    void aServerThatStaysUnavailableGetsOneLineAndExitCodeTwo() {
        script(UNAVAILABLE);

        Run run = stockroom("stock", "issue", "BOLT-1", "3", "--from", "MAIN");

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly("error: the server is unavailable (503): "
                + "The database could not complete the request; try again shortly");
        assertThat(seen).as("the first attempt and three retries").hasSize(4);
        assertThat(keysSeen()).containsOnly(keysSeen().getFirst());
    }

    @Test
    void readsAreRetriedWithoutAKey() {
        script(UNAVAILABLE, new Answer(200, "{\"items\":[],\"next\":null}", null));

        Run run = stockroom("stock", "levels");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(seen).extracting(Seen::method).containsExactly("GET", "GET");
        assertThat(keysSeen()).containsOnlyNulls();
    }

    @Test
    void anEditIsNotRetried() {
        script(new Answer(200, PRODUCT_JSON, null), UNAVAILABLE);

        Run run = stockroom("product", "edit", "BOLT-1", "--reorder-point", "5");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: the server is unavailable (503)");
        assertThat(seen).extracting(Seen::method).containsExactly("GET", "PUT");
    }

    @Test
    void noRetrySendsEachRequestOnce() {
        script(UNAVAILABLE);

        Run run = stockroom("stock", "receive", "BOLT-1", "10", "--to", "MAIN", "--no-retry");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(seen).hasSize(1);
        assertThat(keysSeen()).doesNotContainNull();
    }

    @Test
    void theEnvironmentSetsHowOftenToRetry() {
        script(UNAVAILABLE);
        environment.put("STOCKROOM_RETRIES", "1");

        assertThat(stockroom("location", "list").exitCode()).isEqualTo(2);
        assertThat(seen).hasSize(2);

        environment.put("STOCKROOM_RETRIES", "0");
        seen.clear();
        assertThat(stockroom("location", "list").exitCode()).isEqualTo(2);
        assertThat(seen).hasSize(1);
    }

    @Test
    void aRetryCountThatIsNoNumberIsAUsageError() {
        script(UNAVAILABLE);
        environment.put("STOCKROOM_RETRIES", "lots");

        Run run = stockroom("location", "list");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith(
                "error: Invalid $STOCKROOM_RETRIES: 'lots' (expected a whole number from 0 to 10)");
        assertThat(seen).isEmpty();
    }
}
