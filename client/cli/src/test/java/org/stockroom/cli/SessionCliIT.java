package org.stockroom.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockroom.client.ProblemException;
import org.stockroom.client.SessionStore;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.StoredSession;
import org.stockroom.security.Role;
import org.stockroom.testing.StockroomTestServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Logging in and out with the {@code stockroom} command against the real server: the session
 * file, what a revoked session and a role too low look like, and (once the users API is in
 * the server) the administrator's user commands and a user's own password change.
 *
 * <p>Every test logs in afresh and only ever revokes its own tokens: the test users' cached
 * tokens ({@link StockroomTestServer#tokenOf}) that other tests send stay valid.
 */
class SessionCliIT {

    private static String server;

    @TempDir
    Path config;

    private final Map<String, String> environment = new HashMap<>();
    private String suffix;

    record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    @BeforeAll
    static void startServer() {
        server = StockroomTestServer.baseUri().toString().replaceAll("/+$", "");
    }

    @BeforeEach
    void isolate() {
        environment.put(SessionStore.CONFIG_DIR_VARIABLE, config.toString());
        environment.put(StockroomCommand.SERVER_VARIABLE, server);
        suffix = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    /** Runs the command with {@code input} as what the user pipes in (no terminal). */
    private Run stockroom(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter errWriter = new PrintWriter(err);
        Prompter piped = new Prompter(null, new BufferedReader(new StringReader(input)), errWriter);
        int exitCode = Main.run(args, new PrintWriter(out), errWriter, environment, ZoneOffset.UTC, piped);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private Run ok(String input, String... args) {
        Run run = stockroom(input, args);
        assertThat(run.exitCode()).as("exit code of %s; stderr: %s", List.of(args), run.err()).isZero();
        return run;
    }

    private void logIn(String username, String password) {
        ok(password + "\n", "login", username, "--password-stdin");
    }

    private void logInAs(Role role) {
        logIn(StockroomTestServer.testUser(role), StockroomTestServer.TEST_USER_PASSWORD);
    }

    private StoredSession storedSession() {
        return new SessionStore(config).find(URI.create(server)).orElseThrow();
    }

    @Test
    void logsInWithAPipedPasswordAndUsesTheSessionUntilLogout() throws IOException {
        Run login = stockroom(StockroomTestServer.TEST_USER_PASSWORD + "\n", "login", "test-clerk");

        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(login.outLines()).singleElement().asString()
                .matches("Logged in to " + server + " as test-clerk \\(clerk\\) until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\.");
        Path file = config.resolve("session.json");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).startsWith("rwx");
        assertThat(storedSession().username()).isEqualTo("test-clerk");
        assertThat(storedSession().token()).isNotBlank();

        assertThat(ok("", "whoami").outLines()).singleElement().asString()
                .matches("test-clerk \\(clerk\\) at " + server + ", token valid until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        assertThat(ok("", "location", "list", "--limit", "1").err()).isEmpty();

        Run logout = ok("", "logout");
        Run afterwards = stockroom("", "whoami");
        Run listAfterwards = stockroom("", "location", "list");

        assertThat(logout.outLines()).containsExactly("Logged out of " + server + ": the token is revoked.");
        assertThat(file).doesNotExist();
        assertThat(afterwards.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(afterwards.errLines()).containsExactly("error: not logged in; run 'stockroom login' first");
        assertThat(listAfterwards.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(listAfterwards.errLines()).containsExactly("error: not logged in; run 'stockroom login' first");
    }

    @Test
    void aRevokedSessionGivesOneLineToLogInAgain() {
        logInAs(Role.VIEWER);
        try (StockroomClient elsewhere = StockroomClient.builder().server(server)
                .bearerToken(storedSession().token()).build()) {
            elsewhere.auth().logOut();  // as if logged out from another terminal
        }

        Run run = stockroom("", "stock", "levels");
        Run whoami = stockroom("", "whoami");

        assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "error: your session has expired or was revoked; run 'stockroom login' to log in again");
        assertThat(whoami.errLines()).containsExactly(
                "error: your session has expired or was revoked; run 'stockroom login' to log in again");
    }

    @Test
    void aRevokedTokenInTheEnvironmentGetsTheSameLine() {
        logInAs(Role.VIEWER);
        String token = storedSession().token();
        ok("", "logout");
        environment.put(StockroomCommand.TOKEN_VARIABLE, token);

        Run run = stockroom("", "product", "list");

        assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.errLines()).containsExactly(
                "error: your session has expired or was revoked; run 'stockroom login' to log in again");
    }

    @Test
    void wrongPasswordIsRefusedAndNothingIsStored() {
        Run run = stockroom("not-the-password\n", "login", "test-clerk");

        assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).last().isEqualTo("error: Wrong user name or password");
        assertThat(config.resolve("session.json")).doesNotExist();
    }

    @Test
    void aViewerMayNotAddAProduct() {
        logInAs(Role.VIEWER);

        Run run = stockroom("", "product", "add", "VIEW-" + suffix, "--name", "Not allowed");

        assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "error: Your role does not allow this; it needs the role manager or higher");
        assertThat(ok("", "product", "list", "--search", "VIEW-" + suffix).outLines()).containsExactly("No products.");
    }

    @Test
    void theEnvironmentsTokenWinsOverTheStoredSession() {
        logInAs(Role.VIEWER);
        environment.put(StockroomCommand.TOKEN_VARIABLE, StockroomTestServer.tokenOf(Role.MANAGER));

        assertThat(ok("", "whoami").out()).startsWith("test-manager (manager) at ");
    }

    // ---- These need the users API (GET/POST/PATCH /users, POST /auth/password) in the server ----

    /**
     * Skips the test while the server has no users API yet (being built on another branch):
     * {@code GET /users} answers 404 there. Once it is merged these tests run, and fail if wrong.
     */
    private static void assumeUsersApi() {
        try (StockroomClient admin = StockroomClient.builder().server(server)
                .bearerToken(StockroomTestServer.tokenOf(Role.ADMIN)).build()) {
            admin.users().list(1, null);
        } catch (ProblemException e) {
            assumeFalse(e.status() == 404, "the server has no users API yet (GET /api/v1/users is 404)");
            throw e;
        }
    }

    @Test
    void anAdministratorManagesAUserWhoThenChangesTheirOwnPassword() {
        assumeUsersApi();
        String name = "cli-" + suffix;
        logInAs(Role.ADMIN);

        Run added = ok("first-Pw-12345\nfirst-Pw-12345\n", "user", "add", name, "--role", "viewer");
        Run promoted = ok("", "user", "role", name, "clerk");
        List<String> listed = ok("", "user", "list", "--all").outLines();
        Run reset = ok("second-Pw-12345\n", "user", "reset-password", name, "--password-stdin");

        assertThat(added.outLines()).containsExactly("Created user " + name + " (viewer).");
        assertThat(promoted.outLines()).containsExactly(name + " is now clerk.");
        assertThat(listed).anySatisfy(line -> assertThat(line.split("  +")).startsWith(name, "clerk", "active"));
        assertThat(reset.outLines()).containsExactly("Set a new password for " + name + ".");

        // The user logs in with the reset password, then changes it: logged out everywhere.
        logIn(name, "second-Pw-12345");
        String oldToken = storedSession().token();
        Run changed = ok("second-Pw-12345\nthird-Pw-12345\nthird-Pw-12345\n", "password");
        assertThat(changed.outLines()).containsExactly(
                "Password changed. You are now logged out everywhere; run 'stockroom login' to log in again.");
        assertThat(config.resolve("session.json")).doesNotExist();
        environment.put(StockroomCommand.TOKEN_VARIABLE, oldToken);
        assertThat(stockroom("", "whoami").errLines()).containsExactly(
                "error: your session has expired or was revoked; run 'stockroom login' to log in again");
        environment.remove(StockroomCommand.TOKEN_VARIABLE);
        logIn(name, "third-Pw-12345");
        assertThat(ok("", "whoami").out()).startsWith(name + " (clerk) at ");
    }

    @Test
    void aDisabledUsersSessionEndsAndEnablingLetsThemBackIn() {
        assumeUsersApi();
        String name = "cli-" + suffix;
        logInAs(Role.ADMIN);
        ok("Pw-of-" + suffix + "\n", "user", "add", name, "--role", "clerk", "--password-stdin");
        String adminToken = storedSession().token();
        logIn(name, "Pw-of-" + suffix);
        String userToken = storedSession().token();

        environment.put(StockroomCommand.TOKEN_VARIABLE, adminToken);
        assertThat(ok("", "user", "disable", name).outLines()).containsExactly("Disabled user " + name + ".");
        environment.put(StockroomCommand.TOKEN_VARIABLE, userToken);
        Run whileDisabled = stockroom("", "whoami");
        environment.put(StockroomCommand.TOKEN_VARIABLE, adminToken);
        assertThat(ok("", "user", "enable", name).outLines()).containsExactly("Enabled user " + name + ".");
        environment.remove(StockroomCommand.TOKEN_VARIABLE);
        Run loginAgain = stockroom("Pw-of-" + suffix + "\n", "login", name, "--password-stdin");

        assertThat(whileDisabled.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(whileDisabled.errLines()).containsExactly(
                "error: your session has expired or was revoked; run 'stockroom login' to log in again");
        assertThat(loginAgain.exitCode()).as(loginAgain.err()).isZero();
    }

    @Test
    void onlyAnAdministratorManagesUsers() {
        assumeUsersApi();
        logInAs(Role.MANAGER);

        Run run = stockroom("", "user", "list");

        assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.errLines()).singleElement().asString().startsWith("error: ").contains("admin");
    }
}
