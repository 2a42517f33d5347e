package org.stockroom.database;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
 * The ledger's running balance (V8): every movement records the balance after it at each
 * location it touches, the head of each (product, location) chain is kept by the database
 * alone, and the commit-time check compares the level with that head.
 */
class StockLedgerBalanceIT {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private static final String INSERT_WITH_BALANCES = """
            insert into stock_movement (movement_type, product_id, from_location_id, to_location_id, quantity,
                                        recorded_by, from_balance_after, to_balance_after)
            values (?, ?, ?, ?, ?, 'test', ?, ?) returning id""";

    private long product;
    private long main;
    private long shop;

    /** The balances a movement recorded; null where it does not touch a location. */
    private record BalancesAfter(Long from, Long to) {
    }

    @BeforeEach
    void tenInMainAndAnEmptyShop() throws Exception {
        try (Connection connection = database.connect()) {
            product = Fixtures.newProduct(connection);
            main = Fixtures.newLocation(connection);
            shop = Fixtures.newLocation(connection);
            inTransaction(connection, () -> Fixtures.receive(connection, product, main, 10));
        }
    }

    // --- the chain ----------------------------------------------------------------------

    @Test
    void everyMovementRecordsTheBalanceAfterItWhereverItMovesStock() throws Exception {
        try (Connection connection = database.connect()) {
            assertThat(balancesAfter(connection, lastMovement(connection))).isEqualTo(new BalancesAfter(null, 10L));

            assertThat(balancesRecordedBy(connection, () -> {
                long id = recordMovement(connection, "TRANSFER", product, main, shop, 4, null);
                changeOnHand(connection, product, main, -4);
                changeOnHand(connection, product, shop, 4);
                return id;
            })).isEqualTo(new BalancesAfter(6L, 4L));
            // Towards the lower location id: the heads are taken in the other order, same balances.
            assertThat(balancesRecordedBy(connection, () -> {
                long id = recordMovement(connection, "TRANSFER", product, shop, main, 1, null);
                changeOnHand(connection, product, shop, -1);
                changeOnHand(connection, product, main, 1);
                return id;
            })).isEqualTo(new BalancesAfter(3L, 7L));
            assertThat(balancesRecordedBy(connection, () -> {
                long id = recordMovement(connection, "ISSUE", product, shop, null, 2, null);
                changeOnHand(connection, product, shop, -2);
                return id;
            })).isEqualTo(new BalancesAfter(1L, null));
            // ADJUST is signed on either side: a negative one in to_location_id...
            assertThat(balancesRecordedBy(connection, () -> {
                long id = recordMovement(connection, "ADJUST", product, null, main, -3, "Cycle count");
                changeOnHand(connection, product, main, -3);
                return id;
            })).isEqualTo(new BalancesAfter(null, 4L));
            // ...and a positive and a negative one in from_location_id (the delta is the quantity, not its negation).
            assertThat(balancesRecordedBy(connection, () -> {
                long id = recordMovement(connection, "ADJUST", product, shop, null, 5, "Found on a count");
                changeOnHand(connection, product, shop, 5);
                return id;
            })).isEqualTo(new BalancesAfter(6L, null));
            assertThat(balancesRecordedBy(connection, () -> {
                long id = recordMovement(connection, "ADJUST", product, shop, null, -6, "Water damage");
                changeOnHand(connection, product, shop, -6);
                return id;
            })).isEqualTo(new BalancesAfter(0L, null));

            assertThat(head(connection, product, main)).isEqualTo(4).isEqualTo(onHand(connection, product, main));
            assertThat(head(connection, product, shop)).isZero().isEqualTo(onHand(connection, product, shop));
            assertThat(count(connection, LedgerQueries.BALANCES_BREAKING_THE_CHAIN)).isZero();
            assertThat(count(connection, LedgerQueries.HEADS_DISAGREEING_WITH_LEDGER)).isZero();
        }
    }

    @Test
    void aMovementRolledBackLeavesTheHeadAsItWas() throws Exception {
        try (Connection connection = database.connect()) {
            // Refused at commit: the level was not changed with it.
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection,
                    () -> recordMovement(connection, "RECEIVE", product, null, main, 5, null)));

            assertThat(head(connection, product, main)).isEqualTo(10);
            assertThat(lastMovementOfHead(connection, product, main)).isEqualTo(lastMovement(connection));
        }
    }

    @Test
    void theBalanceMayDipBelowZeroInsideATransactionAsLongAsTheLevelsAgreeAtCommit() throws Exception {
        try (Connection connection = database.connect()) {
            // An issue recorded before the receipt that covers it: V1 accepted this, and so does V8.
            inTransaction(connection, () -> {
                recordMovement(connection, "ISSUE", product, shop, null, 2, null);
                recordMovement(connection, "RECEIVE", product, null, shop, 5, null);
                changeOnHand(connection, product, shop, 3);
            });

            assertThat(head(connection, product, shop)).isEqualTo(3).isEqualTo(onHand(connection, product, shop));
            assertThat(count(connection, LedgerQueries.BALANCES_BREAKING_THE_CHAIN)).isZero();
        }
    }

    // --- the check at commit ------------------------------------------------------------

    @Test
    void aLevelThatDisagreesWithTheHeadIsRefusedAtCommit() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> {
                recordMovement(connection, "RECEIVE", product, null, main, 5, null);
                changeOnHand(connection, product, main, 4);
            }));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> execute(connection,
                    "update stock_level set on_hand = on_hand + 1 where product_id = ? and location_id = ?", product, main)));
            // A level at a location the product never moved through has no head: 0.
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> execute(connection,
                    "insert into stock_level (product_id, location_id, on_hand) values (?, ?, 1)", product, shop)));

            assertThat(onHand(connection, product, main)).isEqualTo(10);
            assertThat(head(connection, product, main)).isEqualTo(10);
        }
    }

    @Test
    void theCommitTimeCheckReadsTheHeadAndNotTheLedger() throws Exception {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "select prosrc from pg_proc where proname = 'check_stock_level_matches_ledger'");
             ResultSet row = query.executeQuery()) {
            assertThat(row.next()).isTrue();
            String body = row.getString(1);
            assertThat(body).contains("from stock_ledger_balance where product_id = p_product_id and location_id = p_location_id")
                    .doesNotContain("stock_ledger_entry")
                    .doesNotContain("stock_movement")
                    .doesNotContainIgnoringCase("sum(");
            assertThat(row.next()).as("one function of that name").isFalse();
        }
    }

    // --- only the ledger moves the head -------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "insert into stock_ledger_balance (product_id, location_id, balance, last_movement_id)"
                    + " select product_id, location_id, 99, last_movement_id from stock_ledger_balance limit 1",
            "update stock_ledger_balance set balance = balance + 1",
            "update stock_ledger_balance set last_movement_id = last_movement_id - 1",
            "delete from stock_ledger_balance",
            "truncate stock_ledger_balance",
            "truncate stock_ledger_balance, stock_level cascade",  // cascade: stock_lot_level refers to the levels
    })
    void theHeadsCannotBeWrittenDirectly(String write) throws Exception {
        try (Connection connection = database.connect()) {
            long sumBefore = count(connection, "select sum(balance) from stock_ledger_balance");
            long headsBefore = count(connection, "select count(*) from stock_ledger_balance");

            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection, write));

            assertThat(count(connection, "select sum(balance) from stock_ledger_balance")).isEqualTo(sumBefore);
            assertThat(count(connection, "select count(*) from stock_ledger_balance")).isEqualTo(headsBefore);
        }
    }

    @Test
    void aNewHeadCannotBeInsertedDirectlyEither() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                    "insert into stock_ledger_balance (product_id, location_id, balance, last_movement_id) values (?, ?, 5, ?)",
                    product, shop, lastMovement(connection)));
            assertThat(count(connection, "select count(*) from stock_ledger_balance where product_id = " + product
                    + " and location_id = " + shop)).isZero();
        }
    }

    // --- a balance a client supplies is checked, not trusted ----------------------------

    @Test
    void aSuppliedBalanceThatDiffersFromTheLedgersIsRefused() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> {
                insertWithBalances(connection, "RECEIVE", null, main, 5, null, 999L);
                changeOnHand(connection, product, main, 5);
            }));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> {
                insertWithBalances(connection, "TRANSFER", main, shop, 2, 8L, 3L);
                changeOnHand(connection, product, main, -2);
                changeOnHand(connection, product, shop, 2);
            }));

            assertThat(head(connection, product, main)).isEqualTo(10);
            assertThat(head(connection, product, shop)).isZero();
        }
    }

    @Test
    void aSuppliedBalanceThatAgreesIsAcceptedAndAMissingOneIsFilledIn() throws Exception {
        try (Connection connection = database.connect()) {
            long agreed = idRecordedBy(connection, () -> {
                long id = insertWithBalances(connection, "TRANSFER", main, shop, 2, 8L, 2L);
                changeOnHand(connection, product, main, -2);
                changeOnHand(connection, product, shop, 2);
                return id;
            });
            long half = idRecordedBy(connection, () -> {
                long id = insertWithBalances(connection, "TRANSFER", main, shop, 1, null, 3L);
                changeOnHand(connection, product, main, -1);
                changeOnHand(connection, product, shop, 1);
                return id;
            });

            assertThat(balancesAfter(connection, agreed)).isEqualTo(new BalancesAfter(8L, 2L));
            assertThat(balancesAfter(connection, half)).isEqualTo(new BalancesAfter(7L, 3L));
        }
    }

    @Test
    void aBalanceForALocationTheMovementDoesNotTouchIsRefused() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "stock_movement_balance_after_where_stock_moved", () -> inTransaction(connection, () -> {
                insertWithBalances(connection, "RECEIVE", null, main, 5, 0L, 15L);
                changeOnHand(connection, product, main, 5);
            }));
        }
    }

    // --- concurrency ---------------------------------------------------------------------

    @Test
    @Timeout(120)
    void concurrentMovementsAtOneLocationNeverForkTheChain() throws Exception {
        int sessions = 4;
        int transactionsEach = 40;
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                work.add(pool.submit(() -> {
                    try (Connection connection = database.connect()) {
                        for (int i = 0; i < transactionsEach; i++) {
                            // Both directions between the two locations, so opposite lock orders would show.
                            inTransaction(connection, () -> {
                                Fixtures.receive(connection, product, main, 3);
                                Fixtures.transfer(connection, product, main, shop, 2);
                                Fixtures.transfer(connection, product, shop, main, 1);
                                Fixtures.issue(connection, product, main, 1);
                                Fixtures.issue(connection, product, shop, 1);
                            });
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> session : work) {
                session.get(100, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        try (Connection connection = database.connect()) {
            long transactions = (long) sessions * transactionsEach;
            assertThat(count(connection, "select count(*) from stock_movement where product_id = " + product))
                    .isEqualTo(1 + 5 * transactions);
            assertThat(count(connection, LedgerQueries.BALANCES_BREAKING_THE_CHAIN)).isZero();
            assertThat(count(connection, LedgerQueries.HEADS_DISAGREEING_WITH_LEDGER)).isZero();
            assertThat(head(connection, product, main)).isEqualTo(10 + transactions)
                    .isEqualTo(onHand(connection, product, main));
            assertThat(head(connection, product, shop)).isZero().isEqualTo(onHand(connection, product, shop));
        }
    }

    // --- archiving -----------------------------------------------------------------------

    @Test
    void aProductWithStockStillCannotBeArchivedEvenBeforeItsLevelCatchesUp() throws Exception {
        try (Connection connection = database.connect()) {
            String archive = "update product set archived = true where id = ?";
            assertRefused(CHECK_VIOLATION, () -> execute(connection, archive, product));
            // The ledger moved 5 into SHOP, whose level has not followed yet: the product's total
            // (from the levels) says 0, SHOP's head says 5.
            assertRefused(CHECK_VIOLATION, () -> inTransaction(connection, () -> {
                recordMovement(connection, "ISSUE", product, main, null, 10, null);
                recordMovement(connection, "RECEIVE", product, null, shop, 5, null);
                changeOnHand(connection, product, main, -10);
                execute(connection, archive, product);
            }));

            inTransaction(connection, () -> Fixtures.issue(connection, product, main, 10));
            assertThat(execute(connection, archive, product)).isEqualTo(1);
        }
    }

    /** Whatever the tests above tried, every head and every balance after agrees with the ledger. */
    @AfterAll
    static void theWholeLedgerStillChains() throws Exception {
        try (Connection connection = database.connect()) {
            assertThat(count(connection, LedgerQueries.BALANCES_BREAKING_THE_CHAIN)).isZero();
            assertThat(count(connection, LedgerQueries.HEADS_DISAGREEING_WITH_LEDGER)).isZero();
            assertThat(count(connection, LedgerQueries.LEVELS_DISAGREEING_WITH_LEDGER)).isZero();
        }
    }

    // --- helpers -------------------------------------------------------------------------

    @FunctionalInterface
    private interface Movement {
        long record() throws SQLException;
    }

    /** Records a movement in one committed transaction and returns the balances it recorded. */
    private static BalancesAfter balancesRecordedBy(Connection connection, Movement movement) throws SQLException {
        return balancesAfter(connection, idRecordedBy(connection, movement));
    }

    /** Records a movement in one committed transaction and returns its id. */
    private static long idRecordedBy(Connection connection, Movement movement) throws SQLException {
        long[] id = new long[1];
        inTransaction(connection, () -> id[0] = movement.record());
        return id[0];
    }

    private long insertWithBalances(Connection connection, String type, Long from, Long to, int quantity,
                                    Long fromBalanceAfter, Long toBalanceAfter) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_WITH_BALANCES)) {
            insert.setString(1, type);
            insert.setLong(2, product);
            insert.setObject(3, from, Types.BIGINT);
            insert.setObject(4, to, Types.BIGINT);
            insert.setInt(5, quantity);
            insert.setObject(6, fromBalanceAfter, Types.BIGINT);
            insert.setObject(7, toBalanceAfter, Types.BIGINT);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static BalancesAfter balancesAfter(Connection connection, long movement) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select from_balance_after, to_balance_after from stock_movement where id = ?")) {
            query.setLong(1, movement);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("movement %d", movement).isTrue();
                return new BalancesAfter(wholeOrNull(row.getBigDecimal(1)), wholeOrNull(row.getBigDecimal(2)));
            }
        }
    }

    private static Long wholeOrNull(java.math.BigDecimal balance) {
        return balance == null ? null : balance.longValueExact();
    }

    private long lastMovement(Connection connection) throws SQLException {
        return count(connection, "select max(id) from stock_movement where product_id = " + product);
    }

    private static long head(Connection connection, long product, long location) throws SQLException {
        return count(connection, "select coalesce(sum(balance), 0) from stock_ledger_balance where product_id = "
                + product + " and location_id = " + location);
    }

    private static long lastMovementOfHead(Connection connection, long product, long location) throws SQLException {
        return count(connection, "select last_movement_id from stock_ledger_balance where product_id = "
                + product + " and location_id = " + location);
    }
}
