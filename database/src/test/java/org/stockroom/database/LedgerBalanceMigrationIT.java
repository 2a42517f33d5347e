package org.stockroom.database;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * V8 converts a database with history made by the old schema in place: every existing movement
 * gets its running balances, every (product, location) its head, and the ledger goes on being
 * checked. And the commit-time check stops reading the history.
 */
class LedgerBalanceMigrationIT {

    private static final Pattern SHARED_HIT_BLOCKS = Pattern.compile("\"Shared Hit Blocks\": (\\d+)");
    private static final Pattern SHARED_READ_BLOCKS = Pattern.compile("\"Shared Read Blocks\": (\\d+)");

    @Test
    void migratingChainsTheExistingLedgerAndKeepsCheckingIt() throws Exception {
        try (EmbeddedDatabase server = EmbeddedDatabase.startTemporary()) {
            DatabaseCoordinates coordinates = server.coordinates();
            long[] products = new long[4];
            long[] locations = new long[3];

            MigratedDatabase.migrateUpTo(coordinates, "5");
            try (Connection connection = coordinates.connect()) {
                for (int i = 0; i < products.length; i++) {
                    products[i] = Fixtures.newProduct(connection);
                }
                for (int i = 0; i < locations.length; i++) {
                    locations[i] = Fixtures.newLocation(connection);
                }
                // Before V6 a movement needed no user; V6's check leaves such rows as they are.
                inTransaction(connection, () -> {
                    execute(connection, "insert into stock_movement (movement_type, product_id, to_location_id, quantity)"
                            + " values ('RECEIVE', ?, ?, 50)", products[0], locations[0]);
                    changeOnHand(connection, products[0], locations[0], 50);
                });
            }

            MigratedDatabase.migrateUpTo(coordinates, "7");
            long archived;
            long dipped;
            try (Connection connection = coordinates.connect()) {
                makeHistory(connection, products, locations, new Random(13), 400);
                // An issue recorded before the receipt that covers it: the running balance dips below 0.
                dipped = Fixtures.newProduct(connection);
                inTransaction(connection, () -> {
                    recordMovement(connection, "ISSUE", dipped, locations[2], null, 7, null);
                    recordMovement(connection, "RECEIVE", dipped, null, locations[2], 9, null);
                    changeOnHand(connection, dipped, locations[2], 2);
                });
                archived = Fixtures.newProduct(connection);
                inTransaction(connection, () -> {
                    Fixtures.receive(connection, archived, locations[1], 4);
                    Fixtures.transfer(connection, archived, locations[1], locations[0], 4);
                    Fixtures.issue(connection, archived, locations[0], 4);
                });
                execute(connection, "update product set archived = true where id = ?", archived);
            }

            DatabaseMigrations.migrate(coordinates);

            try (Connection connection = coordinates.connect()) {
                assertThat(count(connection, "select count(*) from flyway_schema_history where version = '8' and success"))
                        .isOne();
                assertThat(count(connection, "select count(*) from stock_movement")).isGreaterThan(400);
                assertThat(count(connection, LedgerQueries.HEADS_DISAGREEING_WITH_LEDGER)).isZero();
                assertThat(count(connection, LedgerQueries.BALANCES_BREAKING_THE_CHAIN)).isZero();
                assertThat(count(connection, LedgerQueries.LEVELS_DISAGREEING_WITH_LEDGER)).isZero();
                assertThat(count(connection, """
                        select count(*) from stock_movement
                         where (from_location_id is not null) <> (from_balance_after is not null)
                            or (to_location_id is not null) <> (to_balance_after is not null)""")).isZero();
                assertThat(count(connection, "select min(coalesce(from_balance_after, to_balance_after)) from stock_movement"
                        + " where product_id = " + dipped))
                        .as("the dip of the issue recorded before its receipt is history as it happened")
                        .isEqualTo(-7);
                assertThat(count(connection, "select balance from stock_ledger_balance where product_id = " + dipped)).isEqualTo(2);
                assertThat(count(connection, "select balance from stock_ledger_balance where product_id = " + archived
                        + " and location_id = " + locations[0])).isZero();

                // The rewrite was the ledger's only one: it is append-only again.
                assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                        "update stock_movement set from_balance_after = 0 where from_location_id is not null"));
                // V6's check is back as it was: not validated for old rows, enforced for new ones.
                assertThat(count(connection, "select count(*) from pg_constraint"
                        + " where conname = 'stock_movement_recorded_by_required' and not convalidated")).isOne();
                assertRefused(CHECK_VIOLATION, "stock_movement_recorded_by_required", () -> inTransaction(connection, () ->
                        execute(connection, "insert into stock_movement (movement_type, product_id, to_location_id, quantity)"
                                + " values ('RECEIVE', ?, ?, 1)", products[0], locations[0])));

                // New movements chain on from the migrated heads, and are checked at commit.
                long before = onHand(connection, products[0], locations[0]);
                inTransaction(connection, () -> Fixtures.receive(connection, products[0], locations[0], 5));
                assertThat(count(connection, "select to_balance_after from stock_movement where id = (select max(id) from stock_movement)"))
                        .isEqualTo(before + 5)
                        .isEqualTo(onHand(connection, products[0], locations[0]));
                assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> {
                    recordMovement(connection, "ISSUE", products[0], locations[0], null, 1, null);
                    changeOnHand(connection, products[0], locations[0], -2);
                }));
                assertThat(count(connection, LedgerQueries.BALANCES_BREAKING_THE_CHAIN)).isZero();
                assertThat(count(connection, LedgerQueries.HEADS_DISAGREEING_WITH_LEDGER)).isZero();
            }
        }
    }

    /**
     * The check's cost, as the blocks it reads (deterministic, unlike a timing): V7's grows with
     * the product's history at the location, V8's does not. Measured on one database before and
     * after the migration, so the measurement is shown to see the difference it rules out.
     */
    @Test
    void theCheckReadsNoMoreForALongHistoryThanForAShortOne() throws Exception {
        int longHistory = 2_000;
        try (EmbeddedDatabase server = EmbeddedDatabase.startTemporary()) {
            DatabaseCoordinates coordinates = server.coordinates();
            MigratedDatabase.migrateUpTo(coordinates, "7");
            long busy;
            long quiet;
            long location;
            try (Connection connection = coordinates.connect()) {
                busy = Fixtures.newProduct(connection);
                quiet = Fixtures.newProduct(connection);
                location = Fixtures.newLocation(connection);
                inTransaction(connection, () -> {
                    execute(connection, """
                            insert into stock_movement (movement_type, product_id, to_location_id, quantity, recorded_by)
                            select 'RECEIVE', ?, ?, 1, 'test' from generate_series(1, ?)""", busy, location, longHistory);
                    changeOnHand(connection, busy, location, longHistory);
                    Fixtures.receive(connection, quiet, location, 1);
                });
                execute(connection, "vacuum analyze");

                long quietBlocks = blocksReadByCheck(connection, quiet, location);
                long busyBlocks = blocksReadByCheck(connection, busy, location);
                assertThat(busyBlocks).as("V7: %d blocks for 1 movement", quietBlocks).isGreaterThan(quietBlocks + 10);
            }

            DatabaseMigrations.migrate(coordinates);

            try (Connection connection = coordinates.connect()) {
                execute(connection, "vacuum analyze");
                long quietBlocks = blocksReadByCheck(connection, quiet, location);
                long busyBlocks = blocksReadByCheck(connection, busy, location);
                assertThat(busyBlocks).as("V8: %d blocks for 1 movement", quietBlocks).isLessThanOrEqualTo(quietBlocks);
                assertThat(count(connection, "select balance from stock_ledger_balance where product_id = " + busy))
                        .isEqualTo(longHistory);
            }
        }
    }

    /** A few hundred movements of every kind, in small transactions, never taking more than is on hand. */
    private static void makeHistory(Connection connection, long[] products, long[] locations, Random random, int movements)
            throws SQLException {
        long[][] onHand = new long[products.length][locations.length];
        for (int p = 0; p < products.length; p++) {
            for (int l = 0; l < locations.length; l++) {
                onHand[p][l] = onHand(connection, products[p], locations[l]);
            }
        }
        int recorded = 0;
        while (recorded < movements) {
            connection.setAutoCommit(false);
            for (int i = 0; i < 10; i++, recorded++) {
                int p = random.nextInt(products.length);
                int at = random.nextInt(locations.length);
                int other = (at + 1 + random.nextInt(locations.length - 1)) % locations.length;
                long product = products[p];
                long stock = onHand[p][at];
                int kind = stock == 0 ? 0 : random.nextInt(5);
                switch (kind) {
                    case 0 -> {
                        int quantity = 1 + random.nextInt(20);
                        Fixtures.receive(connection, product, locations[at], quantity);
                        onHand[p][at] += quantity;
                    }
                    case 1 -> {
                        int quantity = 1 + random.nextInt((int) stock);
                        Fixtures.issue(connection, product, locations[at], quantity);
                        onHand[p][at] -= quantity;
                    }
                    case 2 -> {
                        int quantity = 1 + random.nextInt((int) stock);
                        Fixtures.transfer(connection, product, locations[at], locations[other], quantity);
                        onHand[p][at] -= quantity;
                        onHand[p][other] += quantity;
                    }
                    case 3 -> {
                        // A signed ADJUST in to_location_id.
                        int quantity = random.nextBoolean() ? 1 + random.nextInt(5) : -(1 + random.nextInt((int) stock));
                        Fixtures.adjust(connection, product, locations[at], quantity, "Cycle count");
                        onHand[p][at] += quantity;
                    }
                    default -> {
                        // A signed ADJUST in from_location_id: its delta is the quantity as it stands.
                        int quantity = random.nextBoolean() ? 1 + random.nextInt(5) : -(1 + random.nextInt((int) stock));
                        recordMovement(connection, "ADJUST", product, locations[at], null, quantity, "Cycle count");
                        changeOnHand(connection, product, locations[at], quantity);
                        onHand[p][at] += quantity;
                    }
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    /** Blocks the check reads for one (product, location), after a first call has warmed the session's caches. */
    private static long blocksReadByCheck(Connection connection, long product, long location) throws SQLException {
        String check = "select check_stock_level_matches_ledger(" + product + ", " + location + ")";
        try (Statement statement = connection.createStatement()) {
            statement.execute(check);
            try (ResultSet plan = statement.executeQuery("explain (analyze, buffers, format json) " + check)) {
                plan.next();
                String json = plan.getString(1);
                // The plan's own counters come first (the planning's follow), and include what the function reads.
                return firstNumber(SHARED_HIT_BLOCKS, json) + firstNumber(SHARED_READ_BLOCKS, json);
            }
        }
    }

    private static long firstNumber(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
