package org.stockroom.database;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.stockroom.database.Fixtures.count;
import static org.stockroom.database.Fixtures.execute;
import static org.stockroom.database.Fixtures.inTransaction;
import static org.stockroom.database.Fixtures.onHand;
import static org.stockroom.database.Refusals.CHECK_VIOLATION;
import static org.stockroom.database.Refusals.assertRefused;

/** An archived product takes no new stock (receipts, positive adjustments), and a product with stock cannot be archived, even under races. */
class ArchivedProductIT {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private static final ExecutorService otherSession = Executors.newSingleThreadExecutor();
    private static final String ARCHIVE = "update product set archived = true where id = ?";

    private long product;
    private long main;

    @BeforeEach
    void aProductAndALocation() throws Exception {
        try (Connection connection = database.connect()) {
            product = Fixtures.newProduct(connection);
            main = Fixtures.newLocation(connection);
        }
    }

    @AfterAll
    static void stopOtherSession() {
        otherSession.shutdownNow();
    }

    @Test
    void anArchivedProductTakesNoReceipt() throws Exception {
        try (Connection connection = database.connect()) {
            execute(connection, ARCHIVE, product);

            assertRefused(CHECK_VIOLATION, () -> inTransaction(connection, () -> Fixtures.receive(connection, product, main, 1)));
            assertThat(count(connection, "select count(*) from stock_movement where product_id = " + product)).isZero();
        }
    }

    @Test
    void anArchivedProductTakesNoPositiveAdjustment() throws Exception {
        try (Connection connection = database.connect()) {
            execute(connection, ARCHIVE, product);

            assertRefused(CHECK_VIOLATION,
                    () -> inTransaction(connection, () -> Fixtures.adjust(connection, product, main, 2, "found")));
            assertThat(count(connection, "select count(*) from stock_movement where product_id = " + product)).isZero();
        }
    }

    @Test
    void aProductWithStockCannotBeArchived() throws Exception {
        try (Connection connection = database.connect()) {
            inTransaction(connection, () -> Fixtures.receive(connection, product, main, 5));

            assertRefused(CHECK_VIOLATION, () -> execute(connection, ARCHIVE, product));
            assertThat(archived(connection, product)).isFalse();
        }
    }

    @Test
    void aProductWhoseStockIsGoneCanBeArchivedAndUnarchived() throws Exception {
        try (Connection connection = database.connect()) {
            inTransaction(connection, () -> {
                Fixtures.receive(connection, product, main, 5);
                Fixtures.issue(connection, product, main, 5);
            });

            assertThat(execute(connection, ARCHIVE, product)).isEqualTo(1);
            assertThat(archived(connection, product)).isTrue();
            assertThat(execute(connection, "update product set archived = false where id = ?", product)).isEqualTo(1);
            inTransaction(connection, () -> Fixtures.receive(connection, product, main, 1));
        }
    }

    @Test
    void aProductCannotBeArchivedBetweenItsReceiptAndTheLevelUpdate() throws Exception {
        try (Connection connection = database.connect()) {
            // Inside one transaction the level lags the ledger until the application updates it.
            assertRefused(CHECK_VIOLATION, () -> inTransaction(connection, () -> {
                Fixtures.recordMovement(connection, "RECEIVE", product, null, main, 5, null);
                execute(connection, ARCHIVE, product);
                Fixtures.changeOnHand(connection, product, main, 5);
            }));

            assertThat(archived(connection, product)).isFalse();
            assertThat(onHand(connection, product, main)).isZero();
        }
    }

    @Test
    @Timeout(60)
    void aReceiptWaitsForAnUncommittedArchiveAndIsThenRefused() throws Exception {
        try (Connection archiving = database.connect(); Connection receiving = database.connect();
             Connection observer = database.connect()) {
            archiving.setAutoCommit(false);
            execute(archiving, ARCHIVE, product);

            int receivingSession = backendPid(receiving);
            Future<?> receipt = otherSession.submit(() -> {
                inTransaction(receiving, () -> Fixtures.receive(receiving, product, main, 5));
                return null;
            });
            awaitLockWait(observer, receivingSession, receipt);
            archiving.commit();

            assertRefused(CHECK_VIOLATION, () -> unwrap(receipt));
            assertThat(archived(observer, product)).isTrue();
            assertThat(onHand(observer, product, main)).isZero();
        }
    }

    @Test
    @Timeout(60)
    void anArchiveWaitsForAnUncommittedReceiptAndIsThenRefused() throws Exception {
        try (Connection receiving = database.connect(); Connection archiving = database.connect();
             Connection observer = database.connect()) {
            receiving.setAutoCommit(false);
            Fixtures.receive(receiving, product, main, 5);

            int archivingSession = backendPid(archiving);
            Future<?> archive = otherSession.submit(() -> execute(archiving, ARCHIVE, product));
            awaitLockWait(observer, archivingSession, archive);
            receiving.commit();

            assertRefused(CHECK_VIOLATION, () -> unwrap(archive));
            assertThat(archived(observer, product)).isFalse();
            assertThat(onHand(observer, product, main)).isEqualTo(5);
        }
    }

    private static boolean archived(Connection connection, long product) throws SQLException {
        return count(connection, "select archived::int from product where id = " + product) == 1;
    }

    private static int backendPid(Connection connection) throws SQLException {
        return (int) count(connection, "select pg_backend_pid()");
    }

    /** Waits until {@code session} is blocked on a lock; fails if its work finishes first (it did not wait). */
    private static void awaitLockWait(Connection observer, int session, Future<?> work) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (count(observer, "select count(*) from pg_stat_activity where pid = " + session
                    + " and wait_event_type = 'Lock'") == 1) {
                return;
            }
            if (work.isDone()) {
                unwrap(work);
                fail("the other session finished without waiting for the uncommitted transaction");
            }
            Thread.sleep(20);
        }
        fail("the other session neither waited on a lock nor finished");
    }

    private static void unwrap(Future<?> work) throws Exception {
        try {
            work.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
