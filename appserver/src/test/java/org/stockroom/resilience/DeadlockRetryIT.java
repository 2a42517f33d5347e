package org.stockroom.resilience;

import org.junit.jupiter.api.Test;
import org.stockroom.testing.Ledger;
import org.stockroom.testing.StockroomTestServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.receive;
import static org.stockroom.testing.Api.unique;

/**
 * A real deadlock, retried transparently. A second session locks the transfer's destination
 * level; the transfer locks its source and waits for the destination; the second session
 * then asks for the source. PostgreSQL breaks the cycle by aborting the transfer (the second
 * session's deadlock_timeout is set long, so the server's backend detects it first) with
 * SQLSTATE 40P01; the server re-runs the transfer, which then goes through once.
 */
class DeadlockRetryIT {

    @Test
    void aTransferAbortedByADeadlockIsRetriedAndAppliedOnce() throws Exception {
        String sku = unique("DEADLOCK");
        String from = unique("DLA");
        String to = unique("DLB");
        createProduct(sku, 0);
        createLocation(from);   // created first: the lower id, which transfers lock first
        createLocation(to);
        receive(sku, from, 10);
        receive(sku, to, 10);

        try (Connection other = StockroomTestServer.database().connect()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.execute("set deadlock_timeout = '20s'");
            }
            lockLevel(other, sku, to);

            CompletableFuture<Integer> transfer = CompletableFuture.supplyAsync(() -> api()
                    .body(Map.of("type", "TRANSFER", "sku", sku, "quantity", 4, "from", from, "to", to))
                    .post("/movements").statusCode());
            Thread.sleep(500);  // the transfer now holds the source and waits for the destination

            lockLevel(other, sku, from);  // the cycle: PostgreSQL aborts the transfer after ~1 s
            other.rollback();

            assertThat(transfer.get(30, TimeUnit.SECONDS)).isEqualTo(201);
        }
        assertThat(Ledger.movementCount(sku)).isEqualTo(3);  // two receipts and one transfer
        assertThat(Ledger.onHand(sku, from)).isEqualTo(6).isEqualTo(Ledger.ledgerSum(sku, from));
        assertThat(Ledger.onHand(sku, to)).isEqualTo(14).isEqualTo(Ledger.ledgerSum(sku, to));
    }

    private static void lockLevel(Connection connection, String sku, String location) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("""
                select s.on_hand from stock_level s
                  join product p on p.id = s.product_id join location l on l.id = s.location_id
                 where p.sku = ? and l.code = ? for update of s""")) {
            lock.setString(1, sku);
            lock.setString(2, location);
            lock.executeQuery().close();
        }
    }
}
