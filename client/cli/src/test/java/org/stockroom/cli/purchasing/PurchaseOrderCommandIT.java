package org.stockroom.cli.purchasing;

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

/** {@code stockroom po} against the real test server: what a manager and a clerk type, and see. */
class PurchaseOrderCommandIT {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);

    private record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
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

    private static Run refused(Role role, String... args) {
        Run run = stockroom(role, args);
        assertThat(run.exitCode()).as("exit code of %s", List.of(args)).isEqualTo(ExitCode.REFUSED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith("error: ");
        return run;
    }

    @Test
    void aManagerOrdersAClerkReceivesInTwoDeliveriesAndTheOrderIsReceived() {
        String bolt = "BOLT-" + suffix;
        String nut = "NUT-" + suffix;
        String main = "MAIN-" + suffix;
        String number = "PO-" + suffix;
        ok(Role.MANAGER, "product", "add", bolt, "--name", "Hex bolt");
        ok(Role.MANAGER, "product", "add", nut, "--name", "Nut M8");
        ok(Role.MANAGER, "location", "add", main, "--name", "Main store");

        assertThat(ok(Role.MANAGER, "po", "create", number, "--supplier", "Acme " + suffix, "--expected", "2026-12-15",
                bolt + "=10", nut + "=20").outLines())
                .containsExactly("Created purchase order " + number + " (Acme " + suffix + ", 2 lines).");

        List<String> first = ok(Role.CLERK, "po", "receive", number, "--to", main, bolt + "=4", nut + "=20",
                "--reference", "DN-1").outLines();
        assertThat(first.getFirst()).startsWith("Received 4 " + bolt + ", 20 " + nut + " at " + main + " against "
                + number + " (receipt ");
        assertThat(first.get(1)).isEqualTo("Purchase order " + number + " is OPEN.");
        assertThat(first).anySatisfy(line -> assertThat(line.split(" +"))
                .containsExactly(bolt, "Hex", "bolt", "10", "4", "6", "EA"));

        Run over = refused(Role.CLERK, "po", "receive", number, "--to", main, bolt + "=7");
        assertThat(over.err()).contains("expects 6 more of " + bolt);

        assertThat(ok(Role.CLERK, "po", "receive", number, "--to", main, bolt + "=6").outLines())
                .contains("Purchase order " + number + " is RECEIVED.");
        List<String> shown = ok(Role.VIEWER, "po", "show", number).outLines();
        assertThat(shown).contains("Status        RECEIVED", "Over-receipt  refused", "Expected      2026-12-15");
        assertThat(shown).anySatisfy(line -> assertThat(line).contains(main, "test-clerk", "DN-1",
                "4 " + bolt + ", 20 " + nut));
        assertThat(ok(Role.VIEWER, "po", "list", "--supplier", "acme " + suffix.toLowerCase(Locale.ROOT),
                "--status", "RECEIVED").outLines())
                .anySatisfy(line -> assertThat(line).contains(number, "RECEIVED", "2026-12-15", "test-manager"));
        assertThat(ok(Role.VIEWER, "stock", "levels", "--sku", bolt).outLines())
                .anySatisfy(line -> assertThat(line.split(" +")).containsExactly(bolt, main, "10", "0", "10", "0"));

        refused(Role.MANAGER, "po", "cancel", number);
    }

    @Test
    void cancelKeepsWhatArrivedAndClerksCannotCreateOrCancel() {
        String bolt = "CBOLT-" + suffix;
        String main = "CMAIN-" + suffix;
        String number = "CPO-" + suffix;
        ok(Role.MANAGER, "product", "add", bolt, "--name", "Hex bolt");
        ok(Role.MANAGER, "location", "add", main, "--name", "Main store");

        refused(Role.CLERK, "po", "create", number, "--supplier", "Acme", bolt + "=10");
        ok(Role.MANAGER, "po", "create", number, "--supplier", "Acme", bolt + "=10");
        ok(Role.CLERK, "po", "receive", number, "--to", main, bolt + "=3");
        refused(Role.CLERK, "po", "cancel", number);

        assertThat(ok(Role.MANAGER, "po", "cancel", number).outLines())
                .containsExactly("Cancelled purchase order " + number + "; what arrived stays received.");
        assertThat(ok(Role.VIEWER, "po", "show", number).outLines())
                .anySatisfy(line -> assertThat(line.split(" +")).containsExactly(bolt, "Hex", "bolt", "10", "3", "0", "EA"));
        refused(Role.CLERK, "po", "receive", number, "--to", main, bolt + "=1");
    }

    @Test
    void aLineThatIsNotSkuEqualsQuantityIsAUsageError() {
        Run run = stockroom(Role.CLERK, "po", "receive", "PO-1", "--to", "MAIN", "BOLT-1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("SKU=QUANTITY");
    }
}
