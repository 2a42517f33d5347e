package org.stockroom.cli;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.security.Role;
import org.stockroom.testing.StockroomTestServer;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code stockroom} command against the real server and database: what a user types,
 * what they see, and the exit codes scripts rely on. Every test makes its own products and
 * locations (random suffix), so tests neither depend on each other nor on the demo data.
 */
class StockroomCliIT {

    private static String server;
    private static final Jsonb JSON = JsonbBuilder.create();

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
        server = StockroomTestServer.baseUri().toString();
    }

    @BeforeEach
    void newNames() {
        suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private String unique(String name) {
        return name + "-" + suffix;
    }

    private static Run stockroom(String... args) {
        List<String> withServer = new ArrayList<>(List.of("--server", server));
        withServer.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(withServer.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                Map.of(StockroomCommand.TOKEN_VARIABLE, StockroomTestServer.tokenOf(Role.ADMIN)), ZoneOffset.UTC);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static Run ok(String... args) {
        Run run = stockroom(args);
        assertThat(run.exitCode()).as("exit code of %s; stderr: %s", List.of(args), run.err()).isZero();
        assertThat(run.err()).as("stderr of %s", List.of(args)).isEmpty();
        return run;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return JSON.fromJson(text, Map.class);
    }

    @Test
    void receiveTransferAndIssueStockAsAUserWould() {
        String sku = unique("BOLT");
        String main = unique("MAIN");
        String shop = unique("SHOP");

        assertThat(ok("product", "add", sku, "--name", "Hex bolt", "--category", "Fasteners",
                "--reorder-point", "5").outLines())
                .containsExactly("Created product " + sku + " (Hex bolt).");
        assertThat(ok("location", "add", main, "--name", "Main warehouse").outLines())
                .containsExactly("Created location " + main + " (Main warehouse).");
        ok("location", "add", shop, "--name", "Shop floor");

        assertThat(ok("stock", "receive", sku, "10", "--to", main, "--reference", "PO-1").out())
                .startsWith("Received 10 " + sku + " at " + main + " (movement ");
        assertThat(ok("stock", "transfer", sku, "4", "--from", main, "--to", shop).out())
                .startsWith("Transferred 4 " + sku + " from " + main + " to " + shop + " (movement ");

        Run refused = stockroom("stock", "issue", sku, "7", "--from", main);
        assertThat(refused.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.errLines()).hasSize(1);
        assertThat(refused.err()).startsWith("error: ").contains("6", "7", sku, main);

        assertThat(ok("stock", "issue", sku, "6", "--from", main, "--reference", "JOB-42").out())
                .startsWith("Issued 6 " + sku + " from " + main + " (movement ");

        List<String> levels = ok("stock", "levels", "--sku", sku).outLines();
        assertThat(levels.getFirst().split(" +")).containsExactly("SKU", "LOCATION", "ON", "HAND", "RESERVED", "AVAILABLE",
                "REORDER", "POINT");
        assertThat(levels).anySatisfy(line -> assertThat(line.split(" +")).containsExactly(sku, shop, "4", "0", "4", "5"));
        assertThat(levels.stream().filter(line -> line.contains(main)))
                .allSatisfy(line -> assertThat(line.split(" +")).containsExactly(sku, main, "0", "0", "0", "5"));

        List<String> movements = ok("movements", "--sku", sku).outLines();
        assertThat(movements).hasSize(4);
        assertThat(movements.get(0).strip()).startsWith("ID").contains("WHEN", "TYPE", "QUANTITY", "BY");
        assertThat(movements.subList(1, 4)).allSatisfy(line -> assertThat(line).contains(" test-admin"));
        assertThat(movements.get(1)).contains("ISSUE", sku, "JOB-42").containsPattern(" 6 +" + main);
        assertThat(movements.get(2)).contains("TRANSFER", sku).containsPattern(" 4 +" + main + " +" + shop);
        assertThat(movements.get(3)).contains("RECEIVE", sku, "PO-1").containsPattern(" 10 +" + main);

        List<String> shown = ok("product", "show", sku).outLines();
        assertThat(shown).contains("On hand        4", "Reorder point  5", "Archived       no");
    }

    @Test
    void printsTheServersJsonWithJson() {
        String sku = unique("NUT");
        String bin = unique("BIN");

        Map<String, Object> product = json(ok("product", "add", sku, "--name", "Hex nut", "--json").out());
        ok("location", "add", bin, "--name", "Bin 7");
        Map<String, Object> movement = json(ok("--json", "stock", "receive", sku, "12", "--to", bin).out());
        Map<String, Object> levels = json(ok("stock", "levels", "--sku", sku, "--json").out());
        Map<String, Object> movements = json(ok("movements", "--sku", sku, "--json", "--all").out());

        assertThat(product).containsEntry("sku", sku).containsEntry("name", "Hex nut")
                .containsEntry("unitOfMeasure", "EA").containsEntry("archived", false)
                .containsKeys("onHand", "version", "createdAt", "updatedAt", "reorderPoint");
        assertThat(movement).containsEntry("type", "RECEIVE").containsEntry("to", bin).containsKey("id");
        assertThat(((Number) movement.get("quantity")).intValue()).isEqualTo(12);
        assertThat(levels).containsOnlyKeys("items", "next");
        assertThat((List<?>) levels.get("items")).singleElement().satisfies(level -> {
            Map<?, ?> item = (Map<?, ?>) level;
            assertThat(item.get("location")).isEqualTo(bin);
            assertThat(((Number) item.get("onHand")).longValue()).isEqualTo(12);
        });
        assertThat(movements.get("next")).isNull();
        assertThat((List<?>) movements.get("items")).hasSize(1);
    }

    @Test
    void editsAProductAndArchivesItOnceItsStockIsGone() {
        String sku = unique("TAPE");
        String shelf = unique("SHELF");
        ok("product", "add", sku, "--name", "PTFE tape", "--unit", "ROLL");
        ok("location", "add", shelf, "--name", "Shelf");
        ok("stock", "receive", sku, "3", "--to", shelf);

        List<String> edited = ok("product", "edit", sku, "--reorder-point", "8", "--description", "12 mm x 12 m")
                .outLines();
        Run archiveWithStock = stockroom("product", "archive", sku);
        ok("stock", "adjust", sku, "-3", "--at", shelf, "--reason", "cycle count");
        Run archived = stockroom("product", "archive", sku);

        assertThat(edited).contains("Updated product " + sku + ".", "Description    12 mm x 12 m",
                "Reorder point  8", "Unit           ROLL", "Name           PTFE tape");
        assertThat(archiveWithStock.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(archiveWithStock.errLines()).singleElement().asString().startsWith("error: ");
        assertThat(archived.exitCode()).isZero();
        assertThat(archived.out()).isEqualTo("Archived product " + sku + "." + System.lineSeparator());
        assertThat(ok("product", "show", sku).outLines()).contains("Archived       yes");
    }

    @Test
    void listsOnePageAndTellsHowToGetTheRest() {
        String prefix = unique("PG");
        for (String n : List.of("A", "B", "C")) {
            ok("product", "add", prefix + "-" + n, "--name", "Paged " + n);
        }

        List<String> firstPage = ok("product", "list", "--search", prefix, "--limit", "2").outLines();
        List<String> everything = ok("product", "list", "--search", prefix, "--limit", "2", "--all").outLines();

        assertThat(firstPage).hasSize(4);
        assertThat(firstPage.get(3)).startsWith("More products follow: add --all to list them all, or --after ");
        String cursor = firstPage.get(3).replaceAll(".*--after (\\S+) for the next page\\.", "$1");
        List<String> secondPage = ok("product", "list", "--search", prefix, "--limit", "2", "--after", cursor)
                .outLines();
        assertThat(secondPage).hasSize(2);
        assertThat(secondPage.get(1)).startsWith(prefix + "-C");
        assertThat(everything).hasSize(4);
        assertThat(everything.subList(1, 4)).extracting(line -> line.split(" +")[0])
                .containsExactly(prefix + "-A", prefix + "-B", prefix + "-C");
    }

    @Test
    void reportsWhatTheServerRefused() {
        String sku = unique("WASHER");
        String code = unique("DUP");
        ok("product", "add", sku, "--name", "Washer");
        ok("location", "add", code, "--name", "First");

        Run unknown = stockroom("product", "show", unique("GHOST"));
        Run duplicate = stockroom("location", "add", code, "--name", "Second");
        Run invalid = stockroom("stock", "receive", sku, "0", "--to", code);

        assertThat(unknown.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(unknown.errLines()).singleElement().asString().startsWith("error: ");
        assertThat(duplicate.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(duplicate.errLines()).singleElement().asString().startsWith("error: ").contains(code);
        assertThat(invalid.exitCode()).isEqualTo(ExitCode.REFUSED);
        // One invalid field: the server's detail names it, and it is said once.
        assertThat(invalid.errLines()).singleElement().asString().startsWith("error: quantity must be");
        assertThat(unknown.out() + duplicate.out() + invalid.out()).isEmpty();
    }

    @Test
    void saysInOneLineWhenTheServerCannotBeReached() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exitCode = Main.run(new String[] {"stock", "levels"}, new PrintWriter(out), new PrintWriter(err),
                Map.of("STOCKROOM_URL", "http://127.0.0.1:" + freePort), ZoneOffset.UTC);

        assertThat(exitCode).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).containsExactly(
                "error: cannot reach the Stockroom server at http://127.0.0.1:" + freePort + " (connection refused)");
    }
}
