package org.stockroom.cli.stocktake;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Main;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.security.Role;
import org.stockroom.testing.StockroomTestServer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code stockroom stocktake} against the real test server: a count from start to post, and its refusals. */
class StocktakeCommandIT {

    private static final Jsonb JSON = JsonbBuilder.create();

    private record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    private String bolt;
    private String nut;
    private String shelf;

    @BeforeEach
    void stockAShelf() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        bolt = "BOLT-" + suffix;
        nut = "NUT-" + suffix;
        shelf = "SHELF-" + suffix;
        ok(Role.ADMIN, "product", "add", bolt, "--name", "Hex bolt");
        ok(Role.ADMIN, "product", "add", nut, "--name", "Hex nut");
        ok(Role.ADMIN, "location", "add", shelf, "--name", "Shelf");
        ok(Role.ADMIN, "stock", "receive", bolt, "10", "--to", shelf);
        ok(Role.ADMIN, "stock", "receive", nut, "5", "--to", shelf);
    }

    @Test
    void aClerkCountsAShelfAndAManagerPostsTheDifferences() {
        Run started = ok(Role.CLERK, "stocktake", "start", shelf);
        assertThat(started.out()).startsWith("Started stocktake ").endsWith(" of " + shelf + ": 2 products to count.\n");
        String id = started.out().split(" ")[2];

        assertThat(ok(Role.CLERK, "stocktake", "count", id, bolt, "8").outLines()).containsExactly(
                "Counted 8 " + bolt + " in stocktake " + id + ": 10 on hand as counted, difference -2.");
        ok(Role.CLERK, "stocktake", "count", id, nut, "6");
        ok(Role.CLERK, "stock", "issue", bolt, "3", "--from", shelf);  // after the count: kept

        List<String> shown = ok(Role.VIEWER, "stocktake", "show", id).outLines();
        assertThat(shown).contains("Stocktake  " + id, "Location   " + shelf, "Status     open",
                "Counts     everything at the location", "Version    2",
                "To post these differences: stockroom stocktake post " + id + " --if-version 2");
        assertThat(shown).anySatisfy(line -> assertThat(line.split(" +"))
                .containsExactly(bolt, "Hex", "bolt", "8", "10", "-2", "test-clerk"));
        assertThat(shown).anySatisfy(line -> assertThat(line.split(" +"))
                .containsExactly(nut, "Hex", "nut", "6", "5", "+1", "test-clerk"));

        Run refused = stockroom(Role.CLERK, "stocktake", "post", id, "--if-version", "2");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(refused.err()).startsWith("error: ").hasLineCount(1);

        Run posted = ok(Role.MANAGER, "stocktake", "post", id, "--if-version", "2");
        assertThat(posted.out()).startsWith("Posted stocktake " + id + ": " + bolt + " -2 (movement ")
                .contains(nut + " +1 (movement ");
        assertThat(ok(Role.VIEWER, "stock", "levels", "--location", shelf).outLines())
                .anySatisfy(line -> assertThat(line.split(" +")).containsExactly(bolt, shelf, "5", "0", "5", "0"))
                .anySatisfy(line -> assertThat(line.split(" +")).containsExactly(nut, shelf, "6", "0", "6", "0"));

        List<String> listed = ok(Role.VIEWER, "stocktake", "list", "--location", shelf, "--status", "posted").outLines();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(1).split(" +")).contains(id, shelf, "POSTED", "all", "test-clerk", "test-manager");
    }

    @Test
    void refusalsAreOneLineAndExitCode1() {
        String id = ok(Role.CLERK, "stocktake", "start", shelf, "--sku", bolt).out().split(" ")[2];

        Run outside = stockroom(Role.CLERK, "stocktake", "count", id, nut, "1");
        assertThat(outside.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(outside.out()).isEmpty();
        assertThat(outside.err()).isEqualTo("error: Stocktake " + id + " counts only its own SKUs, and " + nut
                + " is not one of them\n");

        ok(Role.CLERK, "stocktake", "count", id, bolt, "9");
        Run stale = stockroom(Role.MANAGER, "stocktake", "post", id, "--if-version", "0");
        assertThat(stale.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(stale.err()).startsWith("error: Stocktake " + id + " was counted or changed since you read it");

        assertThat(ok(Role.CLERK, "stocktake", "cancel", id).out())
                .isEqualTo("Cancelled stocktake " + id + "; no stock changed.\n");
        Run again = stockroom(Role.CLERK, "stocktake", "cancel", id);
        assertThat(again.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(again.err()).isEqualTo("error: Stocktake " + id
                + " is already cancelled; it can no longer be counted, posted or cancelled\n");

        Run badStatus = stockroom(Role.CLERK, "stocktake", "list", "--status", "done");
        assertThat(badStatus.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badStatus.err()).contains("Invalid --status: 'done'");
    }

    @Test
    void printsTheServersJsonWithJson() {
        Map<?, ?> started = JSON.fromJson(ok(Role.CLERK, "--json", "stocktake", "start", shelf).out(), Map.class);
        String id = started.get("id").toString().replace(".0", "");
        Map<?, ?> line = JSON.fromJson(ok(Role.CLERK, "--json", "stocktake", "count", id, bolt, "7").out(), Map.class);
        Map<?, ?> shown = JSON.fromJson(ok(Role.CLERK, "--json", "stocktake", "show", id).out(), Map.class);

        assertThat(started.get("status")).isEqualTo("OPEN");
        assertThat(line.get("difference").toString()).isEqualTo("-3");
        assertThat((List<?>) shown.get("lines")).hasSize(2);
    }

    private static Run ok(Role role, String... args) {
        Run run = stockroom(role, args);
        assertThat(run.exitCode()).as("exit code of %s; stderr: %s", List.of(args), run.err()).isZero();
        assertThat(run.err()).isEmpty();
        return run;
    }

    private static Run stockroom(Role role, String... args) {
        List<String> withServer = new ArrayList<>(List.of("--server", StockroomTestServer.baseUri().toString()));
        withServer.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(withServer.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                Map.of(StockroomCommand.TOKEN_VARIABLE, StockroomTestServer.tokenOf(role)), ZoneOffset.UTC);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
