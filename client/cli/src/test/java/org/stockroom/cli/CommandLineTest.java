package org.stockroom.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the command line is read, and the exit codes of runs that never reach a server. */
class CommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path config;

    /** The environment with a session folder of the test's own, so no test reads the user's real one. */
    private Map<String, String> isolated(Map<String, String> environment) {
        Map<String, String> withConfig = new HashMap<>(environment);
        withConfig.put("STOCKROOM_CONFIG_DIR", config.toString());
        return withConfig;
    }

    private StockroomCommand stockroom(Map<String, String> environment) {
        return new StockroomCommand(new PrintWriter(out), new PrintWriter(err), isolated(environment), ZoneOffset.UTC,
                null);
    }

    private ParseResult parse(StockroomCommand stockroom, String... args) {
        return Main.commandLine(stockroom, new PrintWriter(out), new PrintWriter(err), ZoneOffset.UTC)
                .parseArgs(args);
    }

    private static ParseResult leaf(ParseResult result) {
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return result;
    }

    private int run(Map<String, String> environment, String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err), isolated(environment), ZoneOffset.UTC);
    }

    @Test
    void readsAMovementWithItsOptions() {
        ParseResult transfer = leaf(parse(stockroom(Map.of()),
                "stock", "transfer", "BOLT-1", "4", "--from", "MAIN", "--to", "SHOP", "--reference", "T-7"));

        assertThat(transfer.commandSpec().qualifiedName()).isEqualTo("stockroom stock transfer");
        assertThat(transfer.matchedPositionals()).extracting(arg -> arg.getValue().toString())
                .containsExactly("BOLT-1", "4");
        assertThat((String) transfer.matchedOptionValue("--from", null)).isEqualTo("MAIN");
        assertThat((String) transfer.matchedOptionValue("--to", null)).isEqualTo("SHOP");
        assertThat((String) transfer.matchedOptionValue("--reference", null)).isEqualTo("T-7");
    }

    @Test
    void readsAReceiptIntoALotAndTheLotCommands() {
        ParseResult receive = leaf(parse(stockroom(Map.of()),
                "stock", "receive", "MILK-1", "10", "--to", "MAIN", "--lot", "L1", "--expires", "2027-01-31"));
        assertThat((String) receive.matchedOptionValue("--lot", null)).isEqualTo("L1");
        assertThat((java.time.LocalDate) receive.matchedOptionValue("--expires", null))
                .isEqualTo(java.time.LocalDate.of(2027, 1, 31));

        ParseResult lots = leaf(parse(stockroom(Map.of()), "lots", "--sku", "MILK-1", "--location", "MAIN"));
        assertThat(lots.commandSpec().qualifiedName()).isEqualTo("stockroom lots");
        ParseResult expiring = leaf(parse(stockroom(Map.of()), "lots", "expiring", "--days", "7", "--location", "MAIN"));
        assertThat(expiring.commandSpec().qualifiedName()).isEqualTo("stockroom lots expiring");
        assertThat((Integer) expiring.matchedOptionValue("--days", 30)).isEqualTo(7);
        assertThat((String) expiring.matchedOptionValue("--location", null)).isEqualTo("MAIN");
    }

    @Test
    void takesANegativeAdjustmentAsAQuantityNotAnOption() {
        ParseResult adjust = leaf(parse(stockroom(Map.of()),
                "stock", "adjust", "BOLT-1", "-2", "--at", "MAIN", "--reason", "cycle count"));

        assertThat((BigDecimal) adjust.matchedPositionalValue(1, null)).isEqualByComparingTo("-2");
        assertThat((String) adjust.matchedOptionValue("--reason", null)).isEqualTo("cycle count");
    }

    @Test
    void takesAFractionalQuantityExactly() {
        ParseResult issue = leaf(parse(stockroom(Map.of()), "stock", "issue", "CABLE-1", "2.125", "--from", "DRUM"));

        assertThat((BigDecimal) issue.matchedPositionalValue(1, null)).isEqualTo(new BigDecimal("2.125"));
    }

    @Test
    void acceptsGlobalOptionsAfterTheSubcommand() {
        StockroomCommand stockroom = stockroom(Map.of());

        parse(stockroom, "stock", "levels", "--low", "--json", "--server", "http://stock.example:9090");

        assertThat(stockroom.json).isTrue();
        assertThat(stockroom.serverUrl()).isEqualTo("http://stock.example:9090");
        assertThat(stockroom.output().json()).isTrue();
    }

    @Test
    void findsTheServerInTheOptionThenTheEnvironmentThenTheDefault() {
        StockroomCommand given = stockroom(Map.of("STOCKROOM_URL", "http://from-env:8080"));
        parse(given, "--server", "http://from-option:8080", "movements");
        StockroomCommand fromEnvironment = stockroom(Map.of("STOCKROOM_URL", "http://from-env:8080"));
        parse(fromEnvironment, "movements");
        StockroomCommand byDefault = stockroom(Map.of());
        parse(byDefault, "movements");

        assertThat(given.serverUrl()).isEqualTo("http://from-option:8080");
        assertThat(fromEnvironment.serverUrl()).isEqualTo("http://from-env:8080");
        assertThat(byDefault.serverUrl()).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void aMissingOptionIsAUsageErrorWithExitCodeTwo() {
        int exitCode = run(Map.of(), "stock", "receive", "BOLT-1", "10");

        assertThat(exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString().lines()).containsExactly(
                "error: Missing required option: '--to=LOCATION'",
                "Run 'stockroom stock receive --help' for usage.");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMistypedCommandGetsASuggestion() {
        int exitCode = run(Map.of(), "stok", "levels");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Did you mean: stockroom stock or stockroom stocktake?");
    }

    @Test
    void aQuantityMustBeANumber() {
        int exitCode = run(Map.of(), "stock", "issue", "BOLT-1", "six", "--from", "SHOP");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "error: Invalid value for positional parameter at index 1 (QUANTITY): 'six' is not a quantity;"
                        + " use e.g. 12 or 2.5",
                "Run 'stockroom stock issue --help' for usage.");
    }

    @Test
    void aQuantityInExponentNotationIsRefusedRatherThanReadAsAThousand() {
        int exitCode = run(Map.of(), "stock", "receive", "BOLT-1", "1e3", "--to", "SHOP");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("'1e3' is not a quantity").doesNotContain("java.");
    }

    @Test
    void anExpiryMustBeADate() {
        int exitCode = run(Map.of(), "stock", "receive", "MILK-1L", "24", "--to", "SHOP", "--lot", "L1",
                "--expires", "31.01.2027");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().lines().findFirst()).hasValue(
                "error: Invalid value for option '--expires': '31.01.2027' is not a date; use e.g. 2027-01-31");
    }

    @Test
    void editWithoutChangesIsAUsageError() {
        int exitCode = run(Map.of(), "product", "edit", "BOLT-1");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: Nothing to change");
    }

    @Test
    void aServerUrlThatIsNoUrlIsAUsageError() {
        int exitCode = run(Map.of("STOCKROOM_URL", "localhost:8080"), "location", "list");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: Invalid server URL (--server or $STOCKROOM_URL)");
    }

    @Test
    void anUnreachableServerExitsWithTwoAndOneLine() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }

        int exitCode = run(Map.of(), "--server", "http://127.0.0.1:" + freePort, "stock", "levels");

        assertThat(exitCode).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).containsExactly(
                "error: cannot reach the Stockroom server at http://127.0.0.1:" + freePort + " (connection refused)");
    }

    @Test
    void printsItsVersion() {
        int exitCode = run(Map.of(), "--version");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).startsWith("stockroom ");
    }

    @Test
    void everyCommandHasHelp() {
        CommandLine root = Main.commandLine(stockroom(Map.of()), new PrintWriter(out), new PrintWriter(err),
                ZoneOffset.UTC);
        List<String> commands = new ArrayList<>();
        collect(root, commands);

        assertThat(commands).contains("stockroom", "stockroom product add", "stockroom product list",
                "stockroom product show", "stockroom product edit", "stockroom product archive",
                "stockroom location add", "stockroom location list", "stockroom stock receive",
                "stockroom stock issue", "stockroom stock adjust", "stockroom stock transfer",
                "stockroom stock levels", "stockroom movements", "stockroom stocktake start",
                "stockroom stocktake count", "stockroom stocktake show", "stockroom stocktake post",
                "stockroom stocktake cancel", "stockroom stocktake list");
        for (String command : commands) {
            StringWriter help = new StringWriter();
            String[] words = command.split(" ");
            List<String> args = new ArrayList<>(List.of(words).subList(1, words.length));
            args.add("--help");

            int exitCode = Main.run(args.toArray(String[]::new), new PrintWriter(help), new PrintWriter(err),
                    isolated(Map.of()), ZoneOffset.UTC);

            assertThat(exitCode).as(command).isZero();
            assertThat(help.toString()).as(command).startsWith("Usage: " + command);
        }
        assertThat(err.toString()).isEmpty();
    }

    private static void collect(CommandLine commandLine, List<String> names) {
        names.add(commandLine.getCommandSpec().qualifiedName());
        commandLine.getSubcommands().values().forEach(sub -> collect(sub, names));
    }
}
