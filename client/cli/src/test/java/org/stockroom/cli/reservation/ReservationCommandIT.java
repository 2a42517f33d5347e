package org.stockroom.cli.reservation;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stockroom reserve}, {@code reservations}, {@code release} and {@code stock issue --reservation}
 * against the real test server, and the reserved and available columns of {@code stock levels}.
 */
class ReservationCommandIT {

    private static final Jsonb JSON = JsonbBuilder.create();

    private record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    private String bolt;
    private String shelf;

    @BeforeEach
    void tenBoltsOnAShelf() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        bolt = "BOLT-" + suffix;
        shelf = "SHELF-" + suffix;
        ok(Role.ADMIN, "product", "add", bolt, "--name", "Hex bolt");
        ok(Role.ADMIN, "location", "add", shelf, "--name", "Shelf");
        ok(Role.ADMIN, "stock", "receive", bolt, "10", "--to", shelf);
    }

    @Test
    void aClerkReservesIssuesAgainstItListsAndReleases() {
        String expires = LocalDate.now(ZoneOffset.UTC).plusDays(100).toString();
        Run reserved = ok(Role.CLERK, "reserve", bolt, "6", "--at", shelf, "--reference", "SO-1",
                "--expires", expires);
        assertThat(reserved.out()).startsWith("Reserved 6 " + bolt + " at " + shelf + " for SO-1 until " + expires)
                .endsWith(").\n");
        String id = reserved.out().replaceAll("(?s).*\\(reservation (\\d+)\\)\\.\\s*", "$1");

        assertThat(ok(Role.VIEWER, "stock", "levels", "--sku", bolt).outLines())
                .anySatisfy(line -> assertThat(line.split(" +")).containsExactly(bolt, shelf, "10", "6", "4", "0"));
        Run tooMuch = stockroom(Role.CLERK, "stock", "issue", bolt, "5", "--from", shelf);
        assertThat(tooMuch.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(tooMuch.err()).startsWith("error: ").contains("6 of it reserved").hasLineCount(1);

        assertThat(ok(Role.CLERK, "stock", "issue", bolt, "4", "--from", shelf, "--reservation", id).out())
                .startsWith("Issued 4 " + bolt + " from " + shelf + " against reservation " + id + " (movement ");
        List<String> listed = ok(Role.VIEWER, "reservations", "--sku", bolt, "--status", "open").outLines();
        assertThat(listed.getFirst().split(" +")).contains("ID", "SKU", "REFERENCE", "REMAINING", "STATUS");
        assertThat(listed).anySatisfy(line -> assertThat(line).contains(id, bolt, shelf, "SO-1", "open")
                .containsPattern(" 6 +2 +open"));

        Run stale = stockroom(Role.CLERK, "release", id, "--if-version", "0");
        assertThat(stale.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(stale.err()).startsWith("error: ").hasLineCount(1);
        assertThat(ok(Role.CLERK, "release", id).out())
                .isEqualTo("Released reservation " + id + " (" + bolt + " at " + shelf + " for SO-1); its stock is "
                        + "available again.\n");
        assertThat(ok(Role.VIEWER, "stock", "levels", "--sku", bolt).outLines())
                .anySatisfy(line -> assertThat(line.split(" +")).containsExactly(bolt, shelf, "6", "0", "6", "0"));
        Run again = stockroom(Role.CLERK, "release", id);
        assertThat(again.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(again.err()).startsWith("error: ").contains("RELEASED").hasLineCount(1);
    }

    @Test
    void refusalsAreOneLineAndJsonIsTheServersView() {
        Run tooMuch = stockroom(Role.CLERK, "reserve", bolt, "11", "--at", shelf, "--reference", "SO-2");
        assertThat(tooMuch.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(tooMuch.err()).startsWith("error: ").hasLineCount(1);
        Run viewer = stockroom(Role.VIEWER, "reserve", bolt, "1", "--at", shelf, "--reference", "SO-2");
        assertThat(viewer.exitCode()).isNotZero();
        assertThat(viewer.err()).startsWith("error: ").hasLineCount(1);
        Run badStatus = stockroom(Role.VIEWER, "reservations", "--status", "done");
        assertThat(badStatus.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badStatus.err()).contains("Invalid --status: 'done'");

        Map<?, ?> made = JSON.fromJson(ok(Role.CLERK, "--json", "reserve", bolt, "2.0", "--at", shelf,
                "--reference", "SO-3").out(), Map.class);
        assertThat(made.get("status")).isEqualTo("OPEN");
        assertThat(made.get("remaining").toString()).isEqualTo("2");
        assertThat(made.get("reference")).isEqualTo("SO-3");
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

    private static Run ok(Role role, String... args) {
        Run run = stockroom(role, args);
        assertThat(run.exitCode()).as("exit code of %s; stderr: %s", List.of(args), run.err()).isZero();
        assertThat(run.err()).isEmpty();
        return run;
    }
}
