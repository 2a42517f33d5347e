package org.stockroom.cli.user;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Main;
import org.stockroom.cli.Prompter;
import org.stockroom.cli.StubServer;
import org.stockroom.cli.StubServer.Reply;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code stockroom user ...} against a stub server: what is asked, sent and printed. */
class UserCommandTest {

    private static final String ALICE = """
            {"username":"alice","role":"clerk","disabled":false,
             "createdAt":"2026-11-20T08:00:00Z","passwordChangedAt":"2026-11-21T09:30:00Z"}""";

    private final StubServer server = new StubServer();

    @TempDir
    Path config;

    record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Run stockroom(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter errWriter = new PrintWriter(err);
        Prompter typed = new Prompter(null, new BufferedReader(new StringReader(input)), errWriter);
        int exitCode = Main.run(args, new PrintWriter(out), errWriter,
                Map.of("STOCKROOM_URL", server.url(), "STOCKROOM_TOKEN", "sr_admin",
                        "STOCKROOM_CONFIG_DIR", config.toString()),
                ZoneOffset.UTC, typed);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void listsUsersAsATable() {
        server.on("GET /api/v1/users", Reply.json(200, "{\"items\":[" + ALICE + ","
                + ALICE.replace("alice", "bob").replace("\"disabled\":false", "\"disabled\":true") + "]}"));

        Run run = stockroom("", "user", "list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).hasSize(3);
        assertThat(run.outLines().get(0).split("  +"))
                .containsExactly("USERNAME", "ROLE", "STATUS", "CREATED", "PASSWORD CHANGED");
        assertThat(run.outLines().get(1).split("  +"))
                .containsExactly("alice", "clerk", "active", "2026-11-20 08:00", "2026-11-21 09:30");
        assertThat(run.outLines().get(2)).startsWith("bob").contains("disabled");
        assertThat(server.requests().getFirst().authorization()).isEqualTo("Bearer sr_admin");
    }

    @Test
    void showsOneUser() {
        server.on("GET /api/v1/users/alice", Reply.json(200, ALICE));

        Run run = stockroom("", "user", "show", "alice");

        assertThat(run.outLines()).containsExactly(
                "User name         alice",
                "Role              clerk",
                "Status            active",
                "Created           2026-11-20 08:00",
                "Password changed  2026-11-21 09:30");
    }

    @Test
    void addsAUserWithAPasswordAskedTwice() {
        server.on("POST /api/v1/users", Reply.json(201, ALICE));

        Run run = stockroom("first-pw-1\nfirst-pw-1\n", "user", "add", "alice", "--role", "clerk");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err().lines()).containsExactly("New password for alice:", "Again:");
        assertThat(run.outLines()).containsExactly("Created user alice (clerk).");
        assertThat(server.requests().getFirst().body())
                .isEqualTo("{\"username\":\"alice\",\"password\":\"first-pw-1\",\"role\":\"clerk\"}");
    }

    @Test
    void addsNobodyWhenThePasswordsDiffer() {
        Run run = stockroom("first-pw-1\nfirst-pw-2\n", "user", "add", "alice", "--role", "clerk");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().lines().toList().getLast()).isEqualTo("error: the two passwords differ; nothing was changed");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void addsAUserWithThePasswordFromStandardInput() {
        server.on("POST /api/v1/users", Reply.json(201, ALICE));

        Run run = stockroom("piped-pw\n", "user", "add", "alice", "--role", "clerk", "--password-stdin");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(server.requests().getFirst().body()).contains("\"password\":\"piped-pw\"");
    }

    @Test
    void needsARoleToAddAUser() {
        Run run = stockroom("", "user", "add", "alice");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("error: Missing required option: '--role=ROLE'");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void changesRoleAndDisablesAndEnables() {
        server.on("PATCH /api/v1/users/alice", Reply.json(200, ALICE.replace("clerk", "manager")));

        Run role = stockroom("", "user", "role", "alice", "manager");
        String roleBody = server.requests().getLast().body();
        Run disable = stockroom("", "user", "disable", "alice");
        String disableBody = server.requests().getLast().body();
        Run enable = stockroom("", "user", "enable", "alice");
        String enableBody = server.requests().getLast().body();

        assertThat(role.outLines()).containsExactly("alice is now manager.");
        assertThat(roleBody).isEqualTo("{\"role\":\"manager\"}");
        assertThat(disable.outLines()).containsExactly("Disabled user alice.");
        assertThat(disableBody).isEqualTo("{\"disabled\":true}");
        assertThat(enable.outLines()).containsExactly("Enabled user alice.");
        assertThat(enableBody).isEqualTo("{\"disabled\":false}");
    }

    @Test
    void resetsAPassword() {
        server.on("POST /api/v1/users/alice/password", Reply.noContent());

        Run run = stockroom("new-pw-77\nnew-pw-77\n", "user", "reset-password", "alice");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("Set a new password for alice.");
        assertThat(server.requests().getFirst().body()).isEqualTo("{\"password\":\"new-pw-77\"}");
    }

    @Test
    void showsTheServersReasonsForARefusal() {
        server.on("POST /api/v1/users", new Reply(422, """
                {"type":"https://stockroom.dev/problems/validation","title":"Invalid","status":422,
                 "detail":"1 field is invalid","errors":[{"pointer":"/role","message":"must be one of viewer, clerk, manager, admin"}]}""",
                Map.of("Content-Type", "application/problem+json")));

        Run run = stockroom("pw-123456\npw-123456\n", "user", "add", "alice", "--role", "boss");

        assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.err().lines().toList().subList(2, 4)).containsExactly(
                "error: 1 field is invalid", "  role: must be one of viewer, clerk, manager, admin");
    }
}
