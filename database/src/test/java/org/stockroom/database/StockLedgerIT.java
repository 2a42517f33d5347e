package org.stockroom.database;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.database.Fixtures.changeOnHand;
import static org.stockroom.database.Fixtures.count;
import static org.stockroom.database.Fixtures.execute;
import static org.stockroom.database.Fixtures.inTransaction;
import static org.stockroom.database.Fixtures.onHand;
import static org.stockroom.database.Fixtures.recordMovement;
import static org.stockroom.database.Refusals.CHECK_VIOLATION;
import static org.stockroom.database.Refusals.INTEGRITY_CONSTRAINT_VIOLATION;
import static org.stockroom.database.Refusals.assertRefused;

/**
 * The ledger is append-only, on hand never goes below zero, and every stock level equals the
 * sum of the ledger for its product and location when the transaction commits.
 */
class StockLedgerIT {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private long product;
    private long main;
    private long shop;

    @BeforeEach
    void tenBoltsInMain() throws Exception {
        try (Connection connection = database.connect()) {
            product = Fixtures.newProduct(connection);
            main = Fixtures.newLocation(connection);
            shop = Fixtures.newLocation(connection);
            inTransaction(connection, () -> Fixtures.receive(connection, product, main, 10));
        }
    }

    // --- on hand never negative ---------------------------------------------------------

    @Test
    void onHandCannotGoNegative() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "stock_level_on_hand_not_negative", () -> execute(connection,
                    "update stock_level set on_hand = -1 where product_id = ? and location_id = ?", product, main));
            assertRefused(CHECK_VIOLATION, "stock_level_on_hand_not_negative", () -> execute(connection,
                    "insert into stock_level (product_id, location_id, on_hand) values (?, ?, -1)", product, shop));
        }
    }

    @Test
    void issuingMoreThanIsOnHandIsRefusedAndChangesNothing() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "stock_level_on_hand_not_negative",
                    () -> inTransaction(connection, () -> Fixtures.issue(connection, product, main, 11)));

            assertThat(onHand(connection, product, main)).isEqualTo(10);
            assertThat(count(connection, "select count(*) from stock_movement where product_id = " + product))
                    .isEqualTo(1);
        }
    }

    // --- append-only ledger -------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "update stock_movement set quantity = 1000",
            "update stock_movement set reason = 'rewritten'",
            "delete from stock_movement",
            // CASCADE: the tables that refer to the ledger (stocktake lines, lots) would otherwise refuse
            // first, with 0A000; the ledger's own trigger must refuse even when they are swept along.
            "truncate stock_movement cascade",
            "truncate stock_movement, stock_level cascade",
            // TRUNCATE ... CASCADE reaches the ledger through its foreign keys, and is refused there too.
            "truncate product cascade",
            "truncate location cascade",
    })
    void theLedgerIsAppendOnly(String rewrite) throws Exception {
        try (Connection connection = database.connect()) {
            long ledgerBefore = count(connection, "select count(*) from stock_movement");
            long quantityBefore = count(connection, "select sum(quantity) from stock_movement");

            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection, rewrite));

            assertThat(count(connection, "select count(*) from stock_movement")).isEqualTo(ledgerBefore);
            assertThat(count(connection, "select sum(quantity) from stock_movement")).isEqualTo(quantityBefore);
        }
    }

    // --- stock level == ledger, checked at commit ---------------------------------------

    @Test
    void aMovementAndTheMatchingLevelChangesCommitTogether() throws Exception {
        try (Connection connection = database.connect()) {
            inTransaction(connection, () -> {
                Fixtures.transfer(connection, product, main, shop, 4);
                Fixtures.issue(connection, product, shop, 1);
                Fixtures.adjust(connection, product, main, -2, "Cycle count");
                Fixtures.receive(connection, product, shop, 7);
            });

            assertThat(onHand(connection, product, main)).isEqualTo(4);
            assertThat(onHand(connection, product, shop)).isEqualTo(10);
        }
    }

    @Test
    void theLevelMayLagTheMovementInsideTheTransaction() throws Exception {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            recordMovement(connection, "RECEIVE", product, null, main, 5, null);
            // Still 10 here: the check is deferred, so the application can write in either order.
            assertThat(onHand(connection, product, main)).isEqualTo(10);
            changeOnHand(connection, product, main, 5);
            connection.commit();

            assertThat(onHand(connection, product, main)).isEqualTo(15);
        }
    }

    @Test
    void aLevelThatDisagreesWithTheLedgerIsRefusedAtCommit() throws Exception {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            // The statement itself is accepted...
            assertThat(execute(connection,
                    "update stock_level set on_hand = 11 where product_id = ? and location_id = ?", product, main))
                    .isEqualTo(1);
            // ...and the transaction is refused when it tries to commit.
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, connection::commit);
            connection.setAutoCommit(true);

            assertThat(onHand(connection, product, main)).isEqualTo(10);
        }
    }

    @Test
    void aMovementWithoutItsLevelChangeIsRefusedAtCommit() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection,
                    () -> recordMovement(connection, "TRANSFER", product, main, shop, 3, null)));
            // Half a transfer: only the source level changed.
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> {
                recordMovement(connection, "TRANSFER", product, main, shop, 3, null);
                changeOnHand(connection, product, main, -3);
            }));

            assertThat(count(connection, "select count(*) from stock_movement where product_id = " + product))
                    .isEqualTo(1);
            assertThat(onHand(connection, product, main)).isEqualTo(10);
            assertThat(onHand(connection, product, shop)).isZero();
        }
    }

    @Test
    void aLevelChangeWithoutItsMovementIsRefusedEvenInAutoCommit() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> changeOnHand(connection, product, shop, 3));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> changeOnHand(connection, product, main, -3));

            assertThat(onHand(connection, product, main)).isEqualTo(10);
            assertThat(onHand(connection, product, shop)).isZero();
        }
    }

    @Test
    void aLevelWithStockCannotBeDeletedButAnEmptyOneCan() throws Exception {
        try (Connection connection = database.connect()) {
            String delete = "delete from stock_level where product_id = ? and location_id = ?";
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection, delete, product, main));

            inTransaction(connection, () -> Fixtures.issue(connection, product, main, 10));
            assertThat(execute(connection, delete, product, main)).isEqualTo(1);
        }
    }

    @Test
    void aLevelCannotBeMovedToAnotherLocationOrProduct() throws Exception {
        try (Connection connection = database.connect()) {
            long other = Fixtures.newProduct(connection);
            inTransaction(connection, () -> Fixtures.receive(connection, product, shop, 3));

            // Delete SHOP's row, then re-key MAIN's row as SHOP holding 3: SHOP agrees with its
            // ledger again, and MAIN's 10 would vanish unless the row's old key is checked too.
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> {
                execute(connection, "delete from stock_level where product_id = ? and location_id = ?", product, shop);
                execute(connection, "update stock_level set location_id = ?, on_hand = 3"
                        + " where product_id = ? and location_id = ?", shop, product, main);
            }));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> execute(connection,
                    "update stock_level set product_id = ?, on_hand = 0 where product_id = ? and location_id = ?",
                    other, product, main)));

            assertThat(onHand(connection, product, main)).isEqualTo(10);
            assertThat(onHand(connection, product, shop)).isEqualTo(3);
        }
    }

    @Test
    void stockLevelsCannotBeTruncatedAwayFromTheLedger() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection, "truncate stock_level cascade"));

            assertThat(onHand(connection, product, main)).isEqualTo(10);
        }
    }

    /** Whatever the tests above tried, nothing they got committed broke the rule. */
    @AfterAll
    static void everyLevelInTheDatabaseStillEqualsItsLedgerSum() throws Exception {
        try (Connection connection = database.connect()) {
            assertThat(count(connection, LedgerQueries.LEVELS_DISAGREEING_WITH_LEDGER)).isZero();
            assertThat(count(connection, LedgerQueries.NEGATIVE_LEVELS)).isZero();
            assertThat(count(connection, LedgerQueries.PRODUCT_TOTALS_DISAGREEING_WITH_LEVELS)).isZero();
        }
    }
}
