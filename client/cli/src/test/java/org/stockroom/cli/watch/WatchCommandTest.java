package org.stockroom.cli.watch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockroom.cli.ErrorReporter;
import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Main;
import org.stockroom.cli.Output;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.cli.StubServer;
import org.stockroom.client.model.Movement;
import org.stockroom.client.model.MovementType;
import org.stockroom.client.model.StockLevel;
import org.stockroom.client.model.StockroomEvent;

import java.math.BigDecimal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code stockroom watch}: the line for each event, and its refusals as one plain line and exit code 1. */
class WatchCommandTest {

    private static final Output TEXT = new Output(new PrintWriter(new StringWriter()), false, ZoneOffset.UTC);

    @TempDir
    Path config;

    @Test
    void givenEvents_whenPrinted_thenEachIsOneLineAndReadyNone() {
        Movement transfer = new Movement(1235, MovementType.TRANSFER, "BOLT-1", BigDecimal.valueOf(4), "A-1", "B-2", null, "MOVE-7",
                Instant.parse("2025-11-21T10:16:00Z"), "clerk");

        assertThat(WatchCommand.line(new StockroomEvent.Moved("1235", transfer), TEXT)).contains(
                "movement  2025-11-21 10:16  TRANSFER      4 BOLT-1 from A-1 to B-2  (movement 1235, by clerk, ref MOVE-7)");
        assertThat(WatchCommand.line(new StockroomEvent.Level("1235", new StockLevel("BOLT-1", "A-1", BigDecimal.valueOf(6), BigDecimal.valueOf(5))), TEXT))
                .contains("level     BOLT-1 at A-1: 6 on hand");
        assertThat(WatchCommand.line(new StockroomEvent.Level("1235", new StockLevel("BOLT-1", "B-2", BigDecimal.valueOf(4), BigDecimal.valueOf(5))), TEXT))
                .contains("level     BOLT-1 at B-2: 4 on hand (below its reorder point 5)");
        StockLevel reserved = new StockLevel("BOLT-1", "A-1", BigDecimal.valueOf(6), BigDecimal.valueOf(2),
                BigDecimal.valueOf(4), BigDecimal.valueOf(5));
        assertThat(WatchCommand.line(new StockroomEvent.Level(null, reserved), TEXT))
                .contains("level     BOLT-1 at A-1: 6 on hand, 2 reserved, 4 available");
        assertThat(WatchCommand.line(new StockroomEvent.Reset("1300", "too-many-missed", "Reload", 1300), TEXT))
                .hasValueSatisfying(line -> assertThat(line).startsWith("reset ").contains("too-many-missed")
                        .doesNotContain("\n"));
        assertThat(WatchCommand.line(new StockroomEvent.Ready("1300", 1300), TEXT)).isEmpty();
    }

    @Test
    void givenEvents_whenPrintedAsJson_thenEachIsOneObjectALineWithNameIdAndData() {
        Movement issue = new Movement(7, MovementType.ISSUE, "BOLT-1", BigDecimal.valueOf(2), "A-1", null, null, null,
                Instant.parse("2025-11-21T10:16:00Z"), "clerk");

        assertThat(WatchCommand.jsonLine(new StockroomEvent.Moved("7", issue)))
                .startsWith("{\"event\":\"movement\",\"id\":\"7\",\"data\":{")
                .contains("\"sku\":\"BOLT-1\"", "\"to\":null")
                .doesNotContain("\n");
        assertThat(WatchCommand.jsonLine(new StockroomEvent.Reset("9", "unknown-last-event-id", "Reload", 9)))
                .isEqualTo("{\"event\":\"reset\",\"id\":\"9\",\"data\":{\"reason\":\"unknown-last-event-id\","
                        + "\"detail\":\"Reload\",\"lastMovementId\":9}}");
    }

    @Test
    void givenARevokedToken_whenWatching_thenOneLineSaysToLogInAgainAndTheExitCodeIsOne() {
        try (StubServer server = new StubServer()) {
            server.on("GET /api/v1/events", StubServer.Reply.problem(401, "The bearer token is unknown", "Bearer"));

            Run run = watch(server, "watch", "--sku", "BOLT-1");

            assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
            assertThat(run.err().lines()).containsExactly(ErrorReporter.SESSION_ENDED);
            assertThat(run.out()).isEmpty();
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void givenAServerWithoutTheStream_whenWatching_thenOneLineSaysWhatItAnswered() {
        try (StubServer server = new StubServer()) {
            Run run = watch(server, "watch");

            assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
            assertThat(run.err().lines()).singleElement().asString().startsWith("error: ").contains("no stub for GET");
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run watch(StubServer server, String... args) {
        String[] withServer = new String[args.length + 2];
        withServer[0] = "--server";
        withServer[1] = server.url();
        System.arraycopy(args, 0, withServer, 2, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(withServer, new PrintWriter(out), new PrintWriter(err),
                Map.of(StockroomCommand.TOKEN_VARIABLE, "x".repeat(43), "STOCKROOM_CONFIG_DIR", config.toString()),
                ZoneOffset.UTC);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
