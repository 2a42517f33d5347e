package org.stockroom.database;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.database.Fixtures.count;
import static org.stockroom.database.Fixtures.execute;
import static org.stockroom.database.Fixtures.inTransaction;
import static org.stockroom.database.Refusals.CHECK_VIOLATION;
import static org.stockroom.database.Refusals.INTEGRITY_CONSTRAINT_VIOLATION;
import static org.stockroom.database.Refusals.assertRefused;

/**
 * product.on_hand (V7) is always the sum of the product's stock levels: kept by trigger,
 * refused to anyone who writes it directly, back-filled for data from before V7.
 */
class ProductOnHandTotalIT {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private static final ExecutorService otherSession = Executors.newSingleThreadExecutor();

    private long product;
    private long main;
    private long shop;

    @BeforeEach
    void aProductAndTwoLocations() throws Exception {
        try (Connection connection = database.connect()) {
            product = Fixtures.newProduct(connection);
            main = Fixtures.newLocation(connection);
            shop = Fixtures.newLocation(connection);
        }
    }

    @AfterAll
    static void stopOtherSession() {
        otherSession.shutdownNow();
    }

    @Test
    void theTotalFollowsEveryKindOfMovement() throws Exception {
        try (Connection connection = database.connect()) {
            assertThat(total(connection, product)).isZero();

            inTransaction(connection, () -> Fixtures.receive(connection, product, main, 10));
            assertThat(total(connection, product)).isEqualTo(10);

            inTransaction(connection, () -> Fixtures.transfer(connection, product, main, shop, 4));
            assertThat(total(connection, product)).isEqualTo(10);

            inTransaction(connection, () -> Fixtures.issue(connection, product, shop, 3));
            assertThat(total(connection, product)).isEqualTo(7);

            inTransaction(connection, () -> Fixtures.adjust(connection, product, main, -2, "count"));
            assertThat(total(connection, product)).isEqualTo(5);

            inTransaction(connection, () -> Fixtures.adjust(connection, product, shop, 6, "found"));
            assertThat(total(connection, product)).isEqualTo(11);
            assertThat(total(connection, product)).isEqualTo(sumOfLevels(connection, product));
        }
    }

    @Test
    void aRefusedMovementLeavesTheTotalAsItWas() throws Exception {
        try (Connection connection = database.connect()) {
            inTransaction(connection, () -> Fixtures.receive(connection, product, main, 3));

            assertRefused(CHECK_VIOLATION, () -> inTransaction(connection, () -> Fixtures.issue(connection, product, main, 4)));

            assertThat(total(connection, product)).isEqualTo(3);
        }
    }

    @Test
    void deletingAnEmptyLevelAndChangingNothingKeepTheTotal() throws Exception {
        try (Connection connection = database.connect()) {
            inTransaction(connection, () -> {
                Fixtures.receive(connection, product, main, 2);
                Fixtures.receive(connection, product, shop, 5);
                Fixtures.issue(connection, product, main, 2);
            });
            long version = count(connection, "select xmin::text::bigint from product where id = " + product);

            execute(connection, "update stock_level set updated_at = now() where product_id = ?", product);
            assertThat(count(connection, "select xmin::text::bigint from product where id = " + product))
                    .as("a level update with no change of on hand does not touch the product row")
                    .isEqualTo(version);

            execute(connection, "delete from stock_level where product_id = ? and location_id = ?", product, main);
            assertThat(total(connection, product)).isEqualTo(5);
        }
    }

    @Test
    void theTotalCannotBeSetDirectly() throws Exception {
        try (Connection connection = database.connect()) {
            inTransaction(connection, () -> Fixtures.receive(connection, product, main, 4));

            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> execute(connection, "update product set on_hand = 100 where id = ?", product));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> execute(connection, "update product set on_hand = on_hand - 4, name = 'x' where id = ?", product));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                    "insert into product (sku, name, on_hand) values (?, 'Stocked from nowhere', 7)",
                    Fixtures.uniqueCode("SKU")));

            assertThat(total(connection, product)).isEqualTo(4);
            // Updates that leave it alone, and a new product at 0, are fine.
            assertThat(execute(connection, "update product set name = 'Renamed', on_hand = on_hand where id = ?", product))
                    .isEqualTo(1);
            assertThat(execute(connection, "insert into product (sku, name, on_hand) values (?, 'New', 0)",
                    Fixtures.uniqueCode("SKU"))).isEqualTo(1);
        }
    }

    @Test
    void anArchiveStillSeesTheStockThroughTheTotal() throws Exception {
        try (Connection connection = database.connect()) {
            inTransaction(connection, () -> Fixtures.receive(connection, product, shop, 1));

            assertRefused(CHECK_VIOLATION,
                    () -> execute(connection, "update product set archived = true where id = ?", product));
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)  // JDBC reads ignore interrupts
    void twoReceiptsOfOneProductQueueInsteadOfDeadlocking() throws Exception {
        try (Connection first = database.connect(); Connection second = database.connect();
             Connection observer = database.connect()) {
            execute(second, "set lock_timeout = '30s'");  // a failure, never a hang, if the first never commits
            // The ledger row first, as the fixtures (and V3's trigger) take the product lock there.
            first.setAutoCommit(false);
            Fixtures.receive(first, product, main, 2);

            // Asked before the other thread takes the connection: a JDBC connection runs one statement at a time.
            int secondSession = (int) count(second, "select pg_backend_pid()");
            Future<?> other = otherSession.submit(() -> {
                inTransaction(second, () -> Fixtures.receive(second, product, shop, 3));
                return null;
            });
            awaitLockWait(observer, secondSession, other);
            first.commit();
            other.get(30, TimeUnit.SECONDS);

            assertThat(total(observer, product)).isEqualTo(5).isEqualTo(sumOfLevels(observer, product));
        }
    }

    @Test
    void theLowStockReportHasItsPartialIndexInSkuOrder() throws Exception {
        try (Connection connection = database.connect()) {
            assertThat(count(connection, """
                    select count(*) from pg_indexes
                     where tablename = 'product' and indexname = 'product_low_stock_sku_idx'
                       and indexdef like '%(sku)%' and indexdef like '%on_hand < reorder_point%'
                       and indexdef like '%NOT archived%'""")).isEqualTo(1);
        }
    }

    @Test
    void migratingToV7BackFillsTheTotalsOfExistingStock() throws Exception {
        try (EmbeddedDatabase server = EmbeddedDatabase.startTemporary()) {
            DatabaseCoordinates coordinates = server.coordinates();
            MigratedDatabase.migrateUpTo(coordinates, "6");
            long stocked;
            long emptied;
            long untouched;
            try (Connection connection = coordinates.connect()) {
                stocked = Fixtures.newProduct(connection);
                emptied = Fixtures.newProduct(connection);
                untouched = Fixtures.newProduct(connection);
                long a = Fixtures.newLocation(connection);
                long b = Fixtures.newLocation(connection);
                inTransaction(connection, () -> {
                    Fixtures.receive(connection, stocked, a, 7);
                    Fixtures.receive(connection, stocked, b, 5);
                    Fixtures.transfer(connection, stocked, a, b, 2);
                    Fixtures.receive(connection, emptied, a, 3);
                    Fixtures.issue(connection, emptied, a, 3);
                });
            }

            // Only to V7: later migrations have back-fills of their own, tested with them.
            MigratedDatabase.migrateUpTo(coordinates, "7");

            try (Connection connection = coordinates.connect()) {
                assertThat(count(connection, "select max(version::int) from flyway_schema_history")).isEqualTo(7);
                assertThat(total(connection, stocked)).isEqualTo(12);
                assertThat(total(connection, emptied)).isZero();
                assertThat(total(connection, untouched)).isZero();
                assertThat(count(connection, LedgerQueries.PRODUCT_TOTALS_DISAGREEING_WITH_LEVELS)).isZero();
            }
        }
    }


    private static long total(Connection connection, long product) throws SQLException {
        return count(connection, "select on_hand from product where id = " + product);
    }

    private static long sumOfLevels(Connection connection, long product) throws SQLException {
        return count(connection, "select coalesce(sum(on_hand), 0) from stock_level where product_id = " + product);
    }

    /** Waits until {@code session} is blocked on a lock; fails if its work finishes first. */
    private static void awaitLockWait(Connection observer, int session, Future<?> work) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (count(observer, "select count(*) from pg_stat_activity where pid = " + session
                    + " and wait_event_type = 'Lock'") == 1) {
                return;
            }
            if (work.isDone()) {
                try {
                    work.get();
                } catch (ExecutionException e) {
                    throw new AssertionError("the other session failed instead of waiting", e.getCause());
                }
                throw new AssertionError("the other session finished without waiting for the first");
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the other session neither waited on a lock nor finished");
    }
}
