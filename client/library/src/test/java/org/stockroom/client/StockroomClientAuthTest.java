package org.stockroom.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.client.model.IssuedToken;
import org.stockroom.client.model.NewUser;
import org.stockroom.client.model.Session;
import org.stockroom.client.model.User;
import org.stockroom.client.model.UserChanges;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Log-in, the caller's account and the users API, against a real (JDK) HTTP server that
 * records each request and answers as told: methods, paths, bodies, the bearer token, and
 * 401/403 as their own exceptions.
 */
class StockroomClientAuthTest {

    private static final String TOKEN = "sr_test-token-1234";
    private static final String USER_JSON = """
            {"username":"alice","role":"clerk","disabled":false,
             "createdAt":"2026-11-20T08:00:00Z","passwordChangedAt":"2026-11-21T09:30:00Z"}
            """;

    private HttpServer server;
    private String url;
    private final AtomicReference<Recorded> lastRequest = new AtomicReference<>();
    private volatile Reply reply = new Reply(200, "application/json", "{}", null);

    record Recorded(String method, String path, String query, String authorization, String contentType, String body) {
    }

    record Reply(int status, String contentType, String body, String wwwAuthenticate) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private StockroomClient client(String token) {
        return StockroomClient.builder().server(url).bearerToken(token)
                .retryPolicy(RetryPolicy.NONE).requestTimeout(Duration.ofSeconds(5)).build();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        lastRequest.set(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        Reply answer = reply;
        if (answer.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        if (answer.wwwAuthenticate() != null) {
            exchange.getResponseHeaders().set("WWW-Authenticate", answer.wwwAuthenticate());
        }
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static Reply problem(int status, String detail, String wwwAuthenticate) {
        return new Reply(status, "application/problem+json",
                "{\"type\":\"https://stockroom.dev/problems/x\",\"title\":\"T\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}", wwwAuthenticate);
    }

    @Test
    void logsInWithTheCredentialsInTheBodyAndNeverAnOldToken() {
        reply = new Reply(200, "application/json", """
                {"token":"sr_new","tokenType":"Bearer","username":"alice","role":"clerk",
                 "expiresAt":"2026-11-22T17:03:00Z"}""", null);

        IssuedToken issued;
        try (StockroomClient client = client("sr_old-token")) {
            issued = client.auth().logIn("alice", "s3cret \"pw\"".toCharArray());
        }

        Recorded request = lastRequest.get();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/auth/token");
        assertThat(request.authorization()).isNull();
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo("{\"username\":\"alice\",\"password\":\"s3cret \\\"pw\\\"\"}");
        assertThat(issued).isEqualTo(new IssuedToken("sr_new", "Bearer", "alice", "clerk",
                Instant.parse("2026-11-22T17:03:00Z")));
        assertThat(issued.toString()).doesNotContain("sr_new");
        assertThat(issued.session()).isEqualTo(new Session("alice", "clerk", Instant.parse("2026-11-22T17:03:00Z")));
    }

    @Test
    void wrongCredentialsAreNotAuthenticatedWithoutAToken() {
        reply = problem(401, "Wrong user name or password", "Bearer realm=\"stockroom\"");

        try (StockroomClient client = client(null)) {
            assertThatThrownBy(() -> client.auth().logIn("alice", "wrong".toCharArray()))
                    .isInstanceOfSatisfying(NotAuthenticatedException.class, refused -> {
                        assertThat(refused.tokenSent()).isFalse();
                        assertThat(refused.status()).isEqualTo(401);
                        assertThat(refused.getMessage()).isEqualTo("Wrong user name or password");
                    });
        }
    }

    @Test
    void aRefusedTokenSaysATokenWasSent() {
        reply = problem(401, "The bearer token is unknown, expired or revoked",
                "Bearer realm=\"stockroom\", error=\"invalid_token\"");

        try (StockroomClient client = client(TOKEN)) {
            assertThatThrownBy(client.auth()::me)
                    .isInstanceOfSatisfying(NotAuthenticatedException.class,
                            refused -> assertThat(refused.tokenSent()).isTrue());
        }
        assertThat(lastRequest.get().authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void noTokenAtAllIsNotAuthenticatedWithNoTokenSent() {
        reply = problem(401, "This request needs a bearer token", "Bearer realm=\"stockroom\"");

        try (StockroomClient client = client("   ")) {
            assertThatThrownBy(client.auth()::me)
                    .isInstanceOfSatisfying(NotAuthenticatedException.class,
                            refused -> assertThat(refused.tokenSent()).isFalse());
        }
        assertThat(lastRequest.get().authorization()).isNull();
    }

    @Test
    void forbiddenIsNotPermittedAndStillAProblem() {
        reply = problem(403, "Role viewer may not do this; it needs clerk", null);

        try (StockroomClient client = client(TOKEN)) {
            assertThatThrownBy(() -> client.users().list(null, null))
                    .isInstanceOf(ProblemException.class)
                    .isInstanceOfSatisfying(NotPermittedException.class, refused -> {
                        assertThat(refused.status()).isEqualTo(403);
                        assertThat(refused.detail()).isEqualTo("Role viewer may not do this; it needs clerk");
                    });
        }
    }

    @Test
    void otherStatusesStayPlainProblems() {
        reply = problem(409, "taken", null);

        try (StockroomClient client = client(TOKEN)) {
            assertThatThrownBy(() -> client.users().create(new NewUser("alice", "pw", "clerk")))
                    .isExactlyInstanceOf(ProblemException.class);
        }
    }

    @Test
    void readsWhoIAmAndLogsOut() {
        reply = new Reply(200, "application/json",
                "{\"username\":\"alice\",\"role\":\"clerk\",\"expiresAt\":\"2026-11-22T17:03:00Z\"}", null);
        try (StockroomClient client = client(TOKEN)) {
            assertThat(client.auth().me()).isEqualTo(new Session("alice", "clerk", Instant.parse("2026-11-22T17:03:00Z")));
            assertThat(lastRequest.get().path()).isEqualTo("/api/v1/auth/me");

            reply = new Reply(204, null, null, null);
            client.auth().logOut();
        }
        Recorded logout = lastRequest.get();
        assertThat(logout.method()).isEqualTo("POST");
        assertThat(logout.path()).isEqualTo("/api/v1/auth/logout");
        assertThat(logout.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(logout.body()).isEmpty();
    }

    @Test
    void changesTheOwnPassword() {
        reply = new Reply(204, null, null, null);

        try (StockroomClient client = client(TOKEN)) {
            client.auth().changePassword("old".toCharArray(), "new-one".toCharArray());
        }

        Recorded request = lastRequest.get();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/auth/password");
        assertThat(request.body()).isEqualTo("{\"currentPassword\":\"old\",\"newPassword\":\"new-one\"}");
    }

    @Test
    void listsUsersOnePageAtATime() {
        reply = new Reply(200, "application/json", "{\"items\":[" + USER_JSON + "],\"next\":\"abc\"}", null);

        Page<User> page;
        try (StockroomClient client = client(TOKEN)) {
            page = client.users().list(2, "a b");
        }

        assertThat(lastRequest.get().path()).isEqualTo("/api/v1/users");
        assertThat(lastRequest.get().query()).isEqualTo("limit=2&after=a%20b");
        assertThat(page.next()).isEqualTo("abc");
        assertThat(page.items()).containsExactly(new User("alice", "clerk", false,
                Instant.parse("2026-11-20T08:00:00Z"), Instant.parse("2026-11-21T09:30:00Z")));
    }

    @Test
    void getsCreatesAndChangesUsers() {
        reply = new Reply(200, "application/json", USER_JSON, null);
        try (StockroomClient client = client(TOKEN)) {
            assertThat(client.users().get("al ice").username()).isEqualTo("alice");
            assertThat(lastRequest.get().path()).isEqualTo("/api/v1/users/al%20ice");

            reply = new Reply(201, "application/json", USER_JSON, null);
            assertThat(client.users().create(new NewUser("alice", "pw-1", "clerk")).role()).isEqualTo("clerk");
            assertThat(lastRequest.get().method()).isEqualTo("POST");
            assertThat(lastRequest.get().path()).isEqualTo("/api/v1/users");
            assertThat(lastRequest.get().body()).isEqualTo("{\"username\":\"alice\",\"password\":\"pw-1\",\"role\":\"clerk\"}");

            reply = new Reply(200, "application/json", USER_JSON, null);
            client.users().change("alice", UserChanges.role("manager"));
            assertThat(lastRequest.get().method()).isEqualTo("PATCH");
            assertThat(lastRequest.get().path()).isEqualTo("/api/v1/users/alice");
            assertThat(lastRequest.get().body()).isEqualTo("{\"role\":\"manager\"}");

            client.users().change("alice", UserChanges.disable());
            assertThat(lastRequest.get().body()).isEqualTo("{\"disabled\":true}");

            reply = new Reply(204, null, null, null);
            client.users().resetPassword("alice", "fresh-pw".toCharArray());
            assertThat(lastRequest.get().method()).isEqualTo("POST");
            assertThat(lastRequest.get().path()).isEqualTo("/api/v1/users/alice/password");
            assertThat(lastRequest.get().body()).isEqualTo("{\"password\":\"fresh-pw\"}");
        }
    }

    @Test
    void spellsAServerRootOneWay() {
        assertThat(StockroomClient.serverRoot("http://host:8080/api/v1/")).hasToString("http://host:8080");
        assertThat(StockroomClient.serverRoot(" http://host:8080/ ")).hasToString("http://host:8080");
        assertThatThrownBy(() -> StockroomClient.serverRoot("ftp://host")).isInstanceOf(IllegalArgumentException.class);
    }
}
