package org.stockroom.cli;

import org.junit.jupiter.api.Test;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.model.NewLocation;
import org.stockroom.client.model.NewMovement;
import org.stockroom.client.model.NewProduct;
import org.stockroom.client.model.NewReservation;
import org.stockroom.security.Role;
import org.stockroom.testing.StockroomTestServer;

import java.math.BigDecimal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stockroom watch} against the real server: what another client records shows as it
 * happens, one line per event, and the command ends cleanly when stopped.
 */
class WatchCommandIT {

    @Test
    void givenAWatchOfOneProduct_whenAnotherClientMovesIt_thenEachMovementAndLevelIsALine() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String sku = "WATCH-" + suffix;
        String main = "WMAIN-" + suffix;
        String shop = "WSHOP-" + suffix;
        try (StockroomClient admin = client(Role.ADMIN)) {
            admin.products().create(new NewProduct(sku, "Watched " + suffix, null, "pcs", null, BigDecimal.valueOf(5)));
            admin.locations().create(new NewLocation(main, "Main"));
            admin.locations().create(new NewLocation(shop, "Shop"));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread[] watching = new Thread[1];
        CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        watching[0] = Thread.ofPlatform().name("stockroom-watch").start(() -> exitCode.complete(Main.run(
                new String[] {"--server", StockroomTestServer.baseUri().toString(), "watch", "--sku", sku},
                new PrintWriter(out), new PrintWriter(err),
                Map.of(StockroomCommand.TOKEN_VARIABLE, StockroomTestServer.tokenOf(Role.VIEWER)), ZoneOffset.UTC)));
        awaitText(err, text -> text.contains("Watching " + StockroomTestServer.baseUri()), "the watch connected");

        try (StockroomClient clerk = client(Role.CLERK)) {
            clerk.movements().record(NewMovement.receive(sku, BigDecimal.valueOf(10), main, null, "PO-" + suffix));
            // A level is the one the server read after the movement: wait, so that it reads 10, not what follows.
            awaitText(out, text -> text.lines().count() >= 2, "the receipt's lines");
            clerk.movements().record(NewMovement.transfer(sku, BigDecimal.valueOf(4), main, shop, null, null));
        }
        awaitText(out, text -> text.lines().count() >= 5, "five lines");
        try (StockroomClient clerk = client(Role.CLERK)) {
            clerk.reservations().reserve(new NewReservation(sku, shop, BigDecimal.valueOf(3), "SO-" + suffix, null));
        }
        awaitText(out, text -> text.lines().count() >= 6, "the reservation's level");
        watching[0].interrupt();

        assertThat(exitCode.get(10, TimeUnit.SECONDS)).as("stderr: %s", err).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(5)).isEqualTo(
                "level     " + sku + " at " + shop + ": 4 on hand, 3 reserved, 1 available (below its reorder point 5)");
        assertThat(lines.get(0)).startsWith("movement ").contains("RECEIVE", " 10 " + sku, "to " + main, "ref PO-" + suffix);
        assertThat(lines.get(1)).isEqualTo("level     " + sku + " at " + main + ": 10 on hand");
        assertThat(lines.get(2)).startsWith("movement ").contains("TRANSFER", "from " + main + " to " + shop);
        assertThat(lines.subList(3, 5)).containsExactlyInAnyOrder(
                "level     " + sku + " at " + main + ": 6 on hand",
                "level     " + sku + " at " + shop + ": 4 on hand (below its reorder point 5)");
    }

    private static StockroomClient client(Role role) {
        return StockroomClient.builder().server(StockroomTestServer.baseUri())
                .bearerToken(StockroomTestServer.tokenOf(role)).build();
    }

    private static void awaitText(StringWriter writer, Predicate<String> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.test(writer.toString())) {
            assertThat(System.nanoTime()).as("waiting for %s; so far: %s", what, writer).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
