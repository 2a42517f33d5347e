package org.stockroom.resilience;

import org.junit.jupiter.api.Test;
import org.stockroom.testing.Ledger;
import org.stockroom.testing.StockroomTestServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.receive;
import static org.stockroom.testing.Api.unique;

/**
 * A transient failure is retried by re-running the whole transaction: a stock level held
 * locked longer than the server's lock_timeout (5 s) fails the first attempt with SQLSTATE
 * 55P03; the retry, once the lock is gone, records the movement exactly once.
 */
class LockTimeoutRetryIT {

    private static final Duration HOLD = Duration.ofMillis(6500);

    @Test
    void aMovementBlockedPastTheLockTimeoutIsRetriedAndAppliedOnce() throws Exception {
        String sku = unique("LOCKED");
        String location = unique("LOCKLOC");
        createProduct(sku, 0);
        createLocation(location);
        receive(sku, location, 5);

        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> holdLevelLock(sku, location, locked));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        int status = api().body(Map.of("type", "ISSUE", "sku", sku, "quantity", 2, "from", location))
                .post("/movements").statusCode();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        holder.get(30, TimeUnit.SECONDS);

        assertThat(status).isEqualTo(201);
        assertThat(took).isGreaterThan(Duration.ofSeconds(5));  // the first attempt hit the lock timeout
        assertThat(Ledger.movementCount(sku)).isEqualTo(2);      // the receipt and one issue
        assertThat(Ledger.onHand(sku, location)).isEqualTo(3).isEqualTo(Ledger.ledgerSum(sku, location));
    }

    private static void holdLevelLock(String sku, String location, CountDownLatch locked) {
        try (Connection connection = StockroomTestServer.database().connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("""
                    select s.on_hand from stock_level s
                      join product p on p.id = s.product_id join location l on l.id = s.location_id
                     where p.sku = ? and l.code = ? for update of s""")) {
                lock.setString(1, sku);
                lock.setString(2, location);
                lock.executeQuery().close();
            }
            locked.countDown();
            Thread.sleep(HOLD);
            connection.rollback();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
