package org.stockroom.cli.lot;

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

/** Lots through the {@code stockroom} command, against the real test server. */
class LotCommandIT {

    private static final LocalDate TODAY = LocalDate.now();

    private record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    private String sku;
    private String main;
    private String shop;

    @BeforeEach
    void aLotTrackedProductAndTwoLocations() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        sku = "MILK-" + suffix;
        main = "MAIN-" + suffix;
        shop = "SHOP-" + suffix;
        assertThat(ok("product", "add", sku, "--name", "Milk 1 l", "--lot-tracked").out())
                .isEqualTo("Created product " + sku + " (Milk 1 l).\n");
        ok("location", "add", main, "--name", "Main");
        ok("location", "add", shop, "--name", "Shop");
    }

    @Test
    void receiveIntoLotsIssueFirstExpiryFirstAndSeeTheLots() {
        LocalDate early = TODAY.plusDays(10);
        LocalDate late = TODAY.plusDays(90);

        assertThat(ok("stock", "receive", sku, "5", "--to", main, "--lot", "L-LATE", "--expires", late.toString()).out())
                .startsWith("Received 5 " + sku + " at " + main + ", lot L-LATE (expires " + late + ") (movement ");
        ok("stock", "receive", sku, "4", "--to", main, "--lot", "L-EARLY", "--expires", early.toString());
        assertThat(ok("product", "show", sku).outLines()).anySatisfy(line -> assertThat(line.split(" {2,}"))
                .containsExactly("Lot-tracked", "yes"));

        assertThat(ok("stock", "issue", sku, "6", "--from", main).out())
                .startsWith("Issued 6 " + sku + " from " + main + ", lot L-EARLY (expires " + early + "): 4; lot L-LATE"
                        + " (expires " + late + "): 2 (movement ");
        assertThat(ok("stock", "transfer", sku, "1", "--from", main, "--to", shop, "--lot", "L-LATE").out())
                .contains("lot L-LATE");

        List<String> lots = ok("lots", "--sku", sku).outLines();
        assertThat(lots.getFirst().split(" +")).containsExactly("SKU", "LOCATION", "LOT", "EXPIRES", "ON", "HAND");
        assertThat(lots.subList(1, lots.size())).extracting(line -> List.of(line.split(" +"))).containsExactly(
                List.of(sku, main, "L-LATE", late.toString(), "2"),
                List.of(sku, shop, "L-LATE", late.toString(), "1"));
        assertThat(ok("lots", "--sku", sku, "--location", shop).outLines()).hasSize(2);
    }

    @Test
    void theExpiringLotsSoonestFirstExpiredMarked() {
        ok("stock", "receive", sku, "3", "--to", main, "--lot", "OLD", "--expires", TODAY.minusDays(2).toString());
        ok("stock", "receive", sku, "2", "--to", main, "--lot", "SOON", "--expires", TODAY.plusDays(7).toString());
        ok("stock", "receive", sku, "2", "--to", main, "--lot", "FAR", "--expires", TODAY.plusDays(60).toString());

        List<String> lines = ok("lots", "expiring", "--days", "30", "--location", main, "--all").outLines();

        assertThat(lines.getFirst().split(" +"))
                .containsExactly("EXPIRES", "DAYS", "LEFT", "SKU", "LOT", "LOCATION", "ON", "HAND");
        List<String> ours = lines.stream().filter(line -> line.contains(sku)).toList();
        assertThat(ours).hasSize(2);
        assertThat(ours.get(0).split(" +")).containsExactly(TODAY.minusDays(2).toString(), "(expired)", "-2", sku, "OLD",
                main, "3");
        assertThat(ours.get(1).split(" +")).containsExactly(TODAY.plusDays(7).toString(), "7", sku, "SOON", main, "2");

        // The expired lot is taken only when named.
        Run refused = stockroom("stock", "issue", sku, "3", "--from", main, "--lot", "SOON");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.REFUSED);
        Run expired = stockroom("stock", "issue", sku, "5", "--from", main);
        assertThat(expired.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(expired.err()).startsWith("error: ").contains("expired", "OLD");
        assertThat(expired.err().lines()).hasSize(1);
        ok("stock", "issue", sku, "3", "--from", main, "--lot", "OLD");
    }

    @Test
    void aReceiptWithoutALotIsRefusedSayingSo() {
        Run refused = stockroom("stock", "receive", sku, "1", "--to", main);

        assertThat(refused.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).startsWith("error: lot is required for RECEIVE: product " + sku + " is lot-tracked");
    }

    @Test
    void anExpiryThatIsNoDateIsAUsageError() {
        Run refused = stockroom("stock", "receive", sku, "1", "--to", main, "--lot", "L1", "--expires", "31.01.2027");

        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).contains("--expires");
    }

    @Test
    void lotTrackingIsSwitchedWithEdit() {
        assertThat(ok("product", "edit", sku, "--lot-tracked", "false").outLines())
                .anySatisfy(line -> assertThat(line.split(" {2,}")).containsExactly("Lot-tracked", "no"));
        ok("stock", "receive", sku, "2", "--to", main);

        Run refused = stockroom("product", "edit", sku, "--lot-tracked", "true");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(refused.err()).contains("on hand");
    }

    private static Run stockroom(String... args) {
        List<String> withServer = new ArrayList<>(List.of("--server", StockroomTestServer.baseUri().toString()));
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
}
