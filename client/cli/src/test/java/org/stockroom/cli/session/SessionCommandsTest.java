package org.stockroom.cli.session;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockroom.cli.ErrorReporter;
import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Main;
import org.stockroom.cli.Prompter;
import org.stockroom.cli.StubServer;
import org.stockroom.cli.StubServer.Reply;
import org.stockroom.client.SessionStore;
import org.stockroom.client.StoredSession;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code login}, {@code logout}, {@code whoami} and {@code password} against a stub server:
 * what is asked, sent, stored and printed. The session file lives in a temporary folder.
 */
class SessionCommandsTest {

    private static final String ISSUED = """
            {"token":"sr_issued","tokenType":"Bearer","username":"alice","role":"clerk",
             "expiresAt":"2026-11-22T17:03:00Z"}""";
    private static final String INVALID_TOKEN = "Bearer realm=\"stockroom\", error=\"invalid_token\"";

    private final StubServer server = new StubServer();
    private final Map<String, String> environment = new HashMap<>();

    @TempDir
    Path config;

    record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Run stockroom(String input, String... args) {
        environment.put(SessionStore.CONFIG_DIR_VARIABLE, config.toString());
        environment.putIfAbsent("STOCKROOM_URL", server.url());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter errWriter = new PrintWriter(err);
        Prompter typed = new Prompter(null, new BufferedReader(new StringReader(input)), errWriter);
        int exitCode = Main.run(args, new PrintWriter(out), errWriter, environment, ZoneOffset.UTC, typed);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private SessionStore store() {
        return new SessionStore(config);
    }

    private void loggedInAs(String token) {
        store().save(new StoredSession(server.url(), "alice", "clerk", token, Instant.parse("2026-11-22T17:03:00Z")));
    }

    @Test
    void logsInWithAPipedPasswordAndKeepsTheSessionForTheOwnerOnly() throws IOException {
        server.on("POST /api/v1/auth/token", Reply.json(200, ISSUED));

        Run run = stockroom("pa55 word\n", "login", "alice");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("Logged in to " + server.url() + " as alice (clerk) until 2026-11-22 17:03."
                + System.lineSeparator());
        assertThat(run.errLines()).containsExactly("Password for alice at " + server.url() + ":");
        StubServer.Request request = server.requests().getFirst();
        assertThat(request.body()).isEqualTo("{\"username\":\"alice\",\"password\":\"pa55 word\"}");
        assertThat(request.authorization()).isNull();
        assertThat(store().find(URI.create(server.url()))).contains(
                new StoredSession(server.url(), "alice", "clerk", "sr_issued", Instant.parse("2026-11-22T17:03:00Z")));
        assertThat(store().file()).hasParent(config);
        if (config.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store().file())))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void asksForTheUserNameWhenNotGiven() {
        server.on("POST /api/v1/auth/token", Reply.json(200, ISSUED));

        Run run = stockroom("alice\nsecret\n", "login");

        assertThat(run.exitCode()).isZero();
        assertThat(run.errLines()).containsExactly("User name:", "Password for alice at " + server.url() + ":");
        assertThat(server.requests().getFirst().body()).isEqualTo("{\"username\":\"alice\",\"password\":\"secret\"}");
    }

    @Test
    void readsThePasswordFromStandardInputWithoutAPromptWhenAsked() {
        server.on("POST /api/v1/auth/token", Reply.json(200, ISSUED));

        Run run = stockroom("from-a-vault\n", "login", "alice", "--password-stdin", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(server.requests().getFirst().body()).contains("\"password\":\"from-a-vault\"");
        assertThat(run.out()).contains("\"username\": \"alice\"", "\"role\": \"clerk\"").doesNotContain("sr_issued");
    }

    @Test
    void saysWhenTheNameOrPasswordIsWrongAndKeepsNothing() {
        server.on("POST /api/v1/auth/token",
                Reply.problem(401, "Wrong user name or password", "Bearer realm=\\\"stockroom\\\""));

        Run run = stockroom("wrong\n", "login", "alice");

        assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).endsWith("error: Wrong user name or password" + System.lineSeparator());
        assertThat(store().file()).doesNotExist();
    }

    @Test
    void saysSoWhenStandardInputEndsBeforeThePassword() {
        Run run = stockroom("", "login", "alice");

        assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.errLines().getLast()).startsWith("error: no answer on standard input");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void showsWhoIAmWithTheStoredToken() {
        loggedInAs("sr_stored");
        server.on("GET /api/v1/auth/me",
                Reply.json(200, "{\"username\":\"alice\",\"role\":\"clerk\",\"expiresAt\":\"2026-11-22T17:03:00Z\"}"));

        Run run = stockroom("", "whoami");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "alice (clerk) at " + server.url() + ", token valid until 2026-11-22 17:03");
        assertThat(server.requests().getFirst().authorization()).isEqualTo("Bearer sr_stored");
    }

    @Test
    void theEnvironmentsTokenWinsOverTheStoredOne() {
        loggedInAs("sr_stored");
        environment.put("STOCKROOM_TOKEN", "sr_from_env");
        server.on("GET /api/v1/auth/me",
                Reply.json(200, "{\"username\":\"bot\",\"role\":\"viewer\",\"expiresAt\":\"2026-11-22T17:03:00Z\"}"));

        assertThat(stockroom("", "whoami").exitCode()).isZero();

        assertThat(server.requests().getFirst().authorization()).isEqualTo("Bearer sr_from_env");
    }

    @Test
    void neverSendsAServersTokenToAnotherServer() {
        store().save(new StoredSession("http://other.example:8080", "alice", "clerk", "sr_other",
                Instant.parse("2026-11-22T17:03:00Z")));

        Run whoami = stockroom("", "whoami");
        server.on("GET /api/v1/stock", Reply.problem(401, "This request needs a bearer token",
                "Bearer realm=\\\"stockroom\\\""));
        Run levels = stockroom("", "stock", "levels");

        assertThat(whoami.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(whoami.errLines()).containsExactly(ErrorReporter.NOT_LOGGED_IN);
        assertThat(levels.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(levels.errLines()).containsExactly(ErrorReporter.NOT_LOGGED_IN);
        assertThat(server.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/api/v1/stock");
            assertThat(request.authorization()).isNull();
        });
    }

    @Test
    void aRefusedTokenGivesOneLineToLogInAgain() {
        loggedInAs("sr_expired");
        server.on("GET /api/v1/stock", Reply.problem(401, "The bearer token is unknown, expired or revoked",
                INVALID_TOKEN.replace("\"", "\\\"")));

        Run run = stockroom("", "stock", "levels");

        assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "error: your session has expired or was revoked; run 'stockroom login' to log in again");
    }

    @Test
    void aRoleTooLowGivesTheServersReason() {
        loggedInAs("sr_viewer");
        server.on("POST /api/v1/products", Reply.problem(403, "Role viewer may not do this; it needs clerk", null));

        Run run = stockroom("", "product", "add", "BOLT-1", "--name", "Bolt");

        assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.errLines()).containsExactly("error: Role viewer may not do this; it needs clerk");
    }

    @Test
    void logsOutOnTheServerAndForgetsTheSession() {
        loggedInAs("sr_stored");
        server.on("POST /api/v1/auth/logout", Reply.noContent());

        Run run = stockroom("", "logout");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly("Logged out of " + server.url() + ": the token is revoked.");
        assertThat(server.requests().getFirst().authorization()).isEqualTo("Bearer sr_stored");
        assertThat(store().find(URI.create(server.url()))).isEmpty();
    }

    @Test
    void logsOutLocallyWhenTheSessionHadAlreadyEnded() {
        loggedInAs("sr_revoked");
        server.on("POST /api/v1/auth/logout", Reply.problem(401, "revoked", INVALID_TOKEN.replace("\"", "\\\"")));

        Run run = stockroom("", "logout");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("the session had already ended");
        assertThat(store().file()).doesNotExist();
    }

    @Test
    void logsOutLocallyAndSaysSoWhenTheServerCannotBeReached() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        String gone = "http://127.0.0.1:" + freePort;
        store().save(new StoredSession(gone, "alice", "clerk", "sr_1", Instant.parse("2026-11-22T17:03:00Z")));
        environment.put("STOCKROOM_URL", gone);

        Run run = stockroom("", "logout", "--no-retry");

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.out().lines()).containsExactly("Logged out of " + gone + ": only on this computer.");
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("warning: cannot reach the Stockroom server at " + gone)
                .endsWith("stays valid on the server until it expires");
        assertThat(store().file()).doesNotExist();
    }

    @Test
    void logOutWithoutASessionIsNothingToDo() {
        Run run = stockroom("", "logout");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly("Not logged in to " + server.url() + ".");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void changesTheOwnPasswordAndForgetsTheSessionTheServerRevoked() {
        loggedInAs("sr_stored");
        server.on("POST /api/v1/auth/password", Reply.noContent());

        Run run = stockroom("old-pw\nnew-pw-1\nnew-pw-1\n", "password");

        assertThat(run.exitCode()).isZero();
        assertThat(run.errLines()).containsExactly("Current password:", "New password:", "New password again:");
        assertThat(run.out().lines()).containsExactly(
                "Password changed. You are now logged out everywhere; run 'stockroom login' to log in again.");
        assertThat(server.requests().getFirst().body())
                .isEqualTo("{\"currentPassword\":\"old-pw\",\"newPassword\":\"new-pw-1\"}");
        assertThat(store().file()).doesNotExist();
    }

    @Test
    void changesNothingWhenTheNewPasswordsDiffer() {
        loggedInAs("sr_stored");

        Run run = stockroom("old-pw\nnew-pw-1\nnew-pw-2\n", "password");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines().getLast()).isEqualTo("error: the two new passwords differ; nothing was changed");
        assertThat(server.requests()).isEmpty();
        assertThat(store().find(URI.create(server.url()))).isPresent();
    }

    @Test
    void passwordNeedsALogIn() {
        Run run = stockroom("old\nnew\nnew\n", "password");

        assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.errLines()).containsExactly(ErrorReporter.NOT_LOGGED_IN);
        assertThat(server.requests()).isEmpty();
    }
}
