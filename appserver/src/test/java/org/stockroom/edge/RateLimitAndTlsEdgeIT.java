package org.stockroom.edge;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stockroom.auth.password.PasswordHasher;
import org.stockroom.database.DatabaseCoordinates;
import org.stockroom.server.ServerSettings;
import org.stockroom.server.StockroomServer;
import org.stockroom.testing.TestCertificates;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server's edge: rate limits per user and per client address, and HTTPS. Runs in a JVM of
 * its own (failsafe execution "edge-tests") with a server of its own: HTTPS only, with a
 * certificate from a throw-away CA, and limits low enough to reach (5 requests per second per
 * user, 20 per address). The clients are told apart by their source address: all of
 * 127.0.0.0/8 is loopback on Linux, so a client bound to 127.0.0.2 is another address to the
 * server, and no packet leaves the machine. Every flood is bounded in time.
 */
@Timeout(90)
class RateLimitAndTlsEdgeIT {

    private static final int PER_USER = 5;
    private static final int PER_ADDRESS = 20;
    private static final String ADMIN_PASSWORD = "edge-test-admin-password-6Wq1";
    private static final String USER_PASSWORD = "edge-test-user-password-2Hn5";
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([A-Za-z0-9_-]+)\"");
    private static final Duration FLOOD_FOR = Duration.ofMillis(2500);

    private static TestCertificates certificates;
    private static SSLContext trustingTheCa;
    private static StockroomServer server;
    private static URI base;

    @BeforeAll
    static void startHttpsServerWithLowLimits() throws Exception {
        Path directory = Files.createTempDirectory("stockroom-edge-");
        certificates = TestCertificates.createIn(directory);
        trustingTheCa = certificates.trustingTheCa();
        server = StockroomServer.start(ServerSettings.fromEnvironment(Map.of(
                "STOCKROOM_HTTP_HOST", "127.0.0.1",
                "STOCKROOM_HTTP_PORT", "0",
                "STOCKROOM_DATA_DIR", directory.resolve("data").toString(),
                "STOCKROOM_DEMO_DATA", "false",
                "STOCKROOM_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "STOCKROOM_RATE_LIMIT_PER_USER", Integer.toString(PER_USER),
                "STOCKROOM_RATE_LIMIT_PER_ADDRESS", Integer.toString(PER_ADDRESS),
                ServerSettings.TLS_KEYSTORE_VARIABLE, certificates.serverKeystore().toString(),
                ServerSettings.TLS_KEYSTORE_PASSWORD_VARIABLE, certificates.password())));
        base = URI.create("https://127.0.0.1:" + server.port());
        addUsers(server.database(), "edge-clerk", "edge-viewer");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    // ---- Rate limits ------------------------------------------------------------------------

    @Test
    void givenOneUserFloodingFromFourAddresses_whenAnotherUserSendsMeanwhile_thenOnlyTheFloodIsRefused()
            throws Exception {
        String flooder = logIn("edge-clerk", USER_PASSWORD);
        String bystander = logIn("edge-viewer", USER_PASSWORD);
        List<HttpResponse<String>> flood = Collections.synchronizedList(new ArrayList<>());
        List<HttpResponse<String>> others = Collections.synchronizedList(new ArrayList<>());

        long end = System.nanoTime() + FLOOD_FOR.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(5);
        for (int i = 2; i <= 5; i++) {
            // 10 requests a second from each address: twice the user's limit, half the address's.
            HttpClient from = clientFrom("127.0.0." + i);
            clients.submit(() -> sendUntil(end, Duration.ofMillis(100), flood, () -> get(from, "/api/v1/auth/me", flooder)));
        }
        HttpClient other = clientFrom("127.0.0.6");
        clients.submit(() -> sendUntil(end, Duration.ofMillis(300), others, () -> get(other, "/api/v1/auth/me", bystander)));
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(others).isNotEmpty().allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(flood).extracting(HttpResponse::statusCode).containsOnly(200, 429).contains(200, 429);
        assertThat(flood).filteredOn(answer -> answer.statusCode() == 429)
                .allSatisfy(answer -> assertTooManyRequests(answer, "your user"));
    }

    @Test
    void givenOneAddressFlooding_whenAnotherAddressSendsMeanwhile_thenOnlyTheFloodIsRefusedAndHealthStaysOpen()
            throws Exception {
        String bystander = logIn("edge-viewer", USER_PASSWORD);
        HttpClient flooding = clientFrom("127.0.0.7");
        List<HttpResponse<String>> flood = Collections.synchronizedList(new ArrayList<>());
        List<HttpResponse<String>> logIns = Collections.synchronizedList(new ArrayList<>());
        List<HttpResponse<String>> health = Collections.synchronizedList(new ArrayList<>());
        List<HttpResponse<String>> others = Collections.synchronizedList(new ArrayList<>());

        long end = System.nanoTime() + FLOOD_FOR.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(7);
        for (int i = 0; i < 4; i++) {  // as fast as the server answers: anonymous, so 401 until refused
            clients.submit(() -> sendUntil(end, Duration.ZERO, flood, () -> get(flooding, "/api/v1/products", null)));
        }
        // From the same address meanwhile: password guesses (refused cheaply, before any hashing), and the health check.
        clients.submit(() -> sendUntil(end, Duration.ZERO, logIns,
                () -> post(flooding, "/api/v1/auth/token", "{\"username\":\"admin\",\"password\":\"guess-guess-guess\"}")));
        clients.submit(() -> sendUntil(end, Duration.ofMillis(200), health, () -> get(flooding, "/health/live", null)));
        HttpClient other = clientFrom("127.0.0.8");
        clients.submit(() -> sendUntil(end, Duration.ofMillis(300), others, () -> get(other, "/api/v1/auth/me", bystander)));
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(others).isNotEmpty().allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(flood).extracting(HttpResponse::statusCode).containsOnly(401, 429).contains(429);
        assertThat(flood).filteredOn(answer -> answer.statusCode() == 429)
                .allSatisfy(answer -> assertTooManyRequests(answer, "your address"));
        assertThat(logIns).extracting(HttpResponse::statusCode).containsOnly(401, 429).contains(429);
        assertThat(health).isNotEmpty().allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));

        HttpResponse<String> metrics = get(clientFrom("127.0.0.9"), "/metrics", null);
        assertThat(metrics.body()).containsPattern("stockroom_rate_limit_refused_total\\{[^}]*by=\"address\"[^}]*} [1-9]");
    }

    private static void assertTooManyRequests(HttpResponse<String> answer, String byWhat) {
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isEqualTo(1));  // whole seconds, periods of 1 s
        assertThat(answer.body())
                .contains("\"type\":\"https://stockroom.dev/problems/too-many-requests\"")
                .contains("\"status\":429")
                .contains(byWhat);
    }

    // ---- HTTPS ------------------------------------------------------------------------------

    @Test
    void givenAClientThatTrustsTheCa_whenItAsksOverHttps_thenItIsAnswered() throws Exception {
        String admin = logIn("admin", ADMIN_PASSWORD);

        HttpResponse<String> me = get(clientFrom("127.0.0.10"), "/api/v1/auth/me", admin);

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"admin\"");
        assertThat(server.scheme()).isEqualTo("https");
    }

    @Test
    void givenAClientThatDoesNotTrustTheCa_whenItConnects_thenTheHandshakeFails() {
        try (HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(base.resolve("/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void givenPlainHttp_whenSentToTheHttpsPort_thenNothingIsServed() {
        URI plain = URI.create("http://127.0.0.1:" + server.port() + "/health/live");
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isGreaterThanOrEqualTo(400);  // if anything comes back, not the health
        } catch (IOException e) {
            assertThat(e).isNotNull();  // the usual outcome: the server drops the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void givenAWrongKeystorePassword_whenTheServerStarts_thenItRefusesInOneLineNamingTheVariable() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StockroomServer.start(ServerSettings.fromEnvironment(Map.of(
                        ServerSettings.TLS_KEYSTORE_VARIABLE, certificates.serverKeystore().toString(),
                        ServerSettings.TLS_KEYSTORE_PASSWORD_VARIABLE, "not-the-password"))))
                .withMessageContaining(ServerSettings.TLS_KEYSTORE_VARIABLE)
                .withMessageContaining("wrong password")
                .withMessageNotContaining("not-the-password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void givenAMissingKeystore_whenTheServerStarts_thenItRefusesInOneLineNamingTheFile() {
        Path missing = certificates.serverKeystore().resolveSibling("missing.p12");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StockroomServer.start(ServerSettings.fromEnvironment(Map.of(
                        ServerSettings.TLS_KEYSTORE_VARIABLE, missing.toString(),
                        ServerSettings.TLS_KEYSTORE_PASSWORD_VARIABLE, certificates.password()))))
                .withMessageContaining(missing.toString())
                .withMessageContaining("does not exist");
    }

    @Test
    void givenAFileThatIsNoKeystore_whenTheServerStarts_thenItRefusesInOneLine() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StockroomServer.start(ServerSettings.fromEnvironment(Map.of(
                        ServerSettings.TLS_KEYSTORE_VARIABLE, certificates.caCertificate().toString(),
                        ServerSettings.TLS_KEYSTORE_PASSWORD_VARIABLE, certificates.password()))))
                .withMessageContaining(ServerSettings.TLS_KEYSTORE_VARIABLE)
                .withMessageContaining("PKCS12");
    }

    // ---- Helpers ----------------------------------------------------------------------------

    private interface Request {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    /** Sends until the deadline, pausing between requests; a failure to connect is recorded as status -1. */
    private static void sendUntil(long end, Duration pause, List<HttpResponse<String>> answers, Request request) {
        try {
            while (System.nanoTime() - end < 0) {
                answers.add(request.send());
                if (!pause.isZero()) {
                    Thread.sleep(pause.toMillis());
                }
            }
        } catch (IOException e) {
            throw new AssertionError("a request went unanswered", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An HTTPS client that trusts the test CA and connects from this loopback address. */
    private static HttpClient clientFrom(String loopbackAddress) throws IOException {
        InetAddress local = InetAddress.getByName(loopbackAddress);
        assertThat(local.isLoopbackAddress()).isTrue();
        return HttpClient.newBuilder()
                .localAddress(local)
                .sslContext(trustingTheCa)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static HttpResponse<String> get(HttpClient client, String path, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, String path, String json)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String logIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> answer = post(clientFrom("127.0.0.1"), "/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        Matcher token = TOKEN.matcher(answer.body());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private static void addUsers(DatabaseCoordinates database, String clerk, String viewer) throws Exception {
        String hash = new PasswordHasher().hash(USER_PASSWORD.toCharArray());
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             PreparedStatement insert = connection.prepareStatement(
                     "insert into app_user (username, password_hash, role) values (?, ?, ?)")) {
            for (String[] user : new String[][]{{clerk, "clerk"}, {viewer, "viewer"}}) {
                insert.setString(1, user[0]);
                insert.setString(2, hash);
                insert.setString(3, user[1]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
