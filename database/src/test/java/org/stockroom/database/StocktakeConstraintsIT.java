package org.stockroom.database;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.database.Fixtures.count;
import static org.stockroom.database.Fixtures.execute;
import static org.stockroom.database.Fixtures.inTransaction;
import static org.stockroom.database.Refusals.CHECK_VIOLATION;
import static org.stockroom.database.Refusals.INTEGRITY_CONSTRAINT_VIOLATION;
import static org.stockroom.database.Refusals.UNIQUE_VIOLATION;
import static org.stockroom.database.Refusals.assertRefused;

/**
 * The stocktake tables (V12) keep their rules against any SQL: a closed stocktake and its lines
 * never change, expected is the ledger's balance, a posted difference has its ADJUST.
 */
class StocktakeConstraintsIT {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private static final String OPEN = "insert into stocktake (location_id, skus, opened_by) values (?, ?::text[], 'anna') returning id";
    private static final String COUNT = """
            insert into stocktake_line (stocktake_id, product_id, counted, expected, expected_after_movement, counted_by)
            values (?, ?, ?, ?, ?, 'anna') returning id""";
    private static final String POST = "update stocktake set status = 'POSTED', closed_by = 'mia', closed_at = now() where id = ?";
    private static final String CANCEL = "update stocktake set status = 'CANCELLED', closed_by = 'mia', closed_at = now() where id = ?";

    private long product;
    private String sku;
    private long shelf;
    private long received;

    @BeforeEach
    void tenOnAShelf() throws Exception {
        try (Connection connection = database.connect()) {
            product = Fixtures.newProduct(connection);
            sku = sku(connection, product);
            shelf = Fixtures.newLocation(connection);
            inTransaction(connection, () -> {
                received = Fixtures.recordMovement(connection, "RECEIVE", product, null, shelf, 10, null);
                Fixtures.changeOnHand(connection, product, shelf, 10);
            });
        }
    }

    @Test
    void aCountWithTheLedgersBalanceIsTakenAndPostedWithItsAdjustment() throws Exception {
        try (Connection connection = database.connect()) {
            long stocktake = open(connection, null);
            long line = insert(connection, stocktake, product, 8, 10, received);

            inTransaction(connection, () -> {
                long adjustment = Fixtures.recordMovement(connection, "ADJUST", product, null, shelf, -2,
                        "stocktake " + stocktake);
                Fixtures.changeOnHand(connection, product, shelf, -2);
                execute(connection, "update stocktake_line set movement_id = ? where id = ?", adjustment, line);
                execute(connection, POST, stocktake);
            });

            assertThat(status(connection, stocktake)).isEqualTo("POSTED");
            assertThat(Fixtures.onHand(connection, product, shelf)).isEqualTo(8);
        }
    }

    @Test
    void expectedMustBeTheLedgersBalanceAfterItsLastMovement() throws Exception {
        try (Connection connection = database.connect()) {
            long stocktake = open(connection, null);

            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> insert(connection, stocktake, product, 8, 9, received));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> insert(connection, stocktake, product, 8, 10, null));
            long line = insert(connection, stocktake, product, 8, 10, received);
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> execute(connection, "update stocktake_line set expected = 12 where id = ?", line));

            long elsewhere = Fixtures.newLocation(connection);
            long counts = count(connection, "select count(*) from stocktake_line");
            long other = open(connection, elsewhere, null);
            insert(connection, other, product, 3, 0, null);  // never held there: 0, after no movement
            assertThat(count(connection, "select count(*) from stocktake_line")).isEqualTo(counts + 1);
        }
    }

    @Test
    void quantitiesAreNeverNegative() throws Exception {
        try (Connection connection = database.connect()) {
            long stocktake = open(connection, null);

            assertRefused(CHECK_VIOLATION, "stocktake_line_counted_not_negative",
                    () -> insert(connection, stocktake, product, -1, 10, received));
        }
    }

    @Test
    void aLocationHasOneOpenStocktakeAtATime() throws Exception {
        try (Connection connection = database.connect()) {
            long first = open(connection, null);

            assertRefused(UNIQUE_VIOLATION, "stocktake_one_open_per_location", () -> open(connection, null));
            execute(connection, CANCEL, first);
            open(connection, null);
        }
    }

    @Test
    void aStocktakeStartsOpenNamingEachExistingSkuOnce() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                    "insert into stocktake (location_id, status, opened_by, closed_by, closed_at)"
                            + " values (?, 'POSTED', 'anna', 'anna', now())", shelf));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> open(connection, "{" + sku + "," + sku + "}"));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> open(connection, "{" + sku + ",NO-SUCH-SKU}"));
            assertRefused(CHECK_VIOLATION, "stocktake_skus_not_empty", () -> open(connection, "{}"));
            assertRefused(CHECK_VIOLATION, "stocktake_skus_no_null", () -> open(connection, "{" + sku + ",NULL}"));
            assertRefused(CHECK_VIOLATION, "stocktake_closed_by_whom_and_when", () -> execute(connection,
                    "insert into stocktake (location_id, opened_by, closed_by) values (?, 'anna', 'mia')", shelf));
        }
    }

    @Test
    void aStocktakeOfSkusTakesLinesOfThoseOnly() throws Exception {
        try (Connection connection = database.connect()) {
            long other = Fixtures.newProduct(connection);
            long stocktake = open(connection, "{" + sku(connection, other) + "}");

            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> insert(connection, stocktake, product, 10, 10, received));
            insert(connection, stocktake, other, 0, 0, null);
        }
    }

    @Test
    void itsLocationSkusAndOpeningNeverChange() throws Exception {
        try (Connection connection = database.connect()) {
            long stocktake = open(connection, null);
            long elsewhere = Fixtures.newLocation(connection);

            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> execute(connection, "update stocktake set location_id = ? where id = ?", elsewhere, stocktake));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> execute(connection, "update stocktake set skus = '{X}' where id = ?", stocktake));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> execute(connection, "update stocktake set opened_by = 'eve' where id = ?", stocktake));
        }
    }

    @Test
    void aClosedStocktakeAndItsLinesAreReadOnlyAndNothingIsDeleted() throws Exception {
        try (Connection connection = database.connect()) {
            long stocktake = open(connection, null);
            long line = insert(connection, stocktake, product, 10, 10, received);
            long other = Fixtures.newProduct(connection);
            execute(connection, CANCEL, stocktake);

            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> execute(connection, "update stocktake_line set counted = 9 where id = ?", line));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> insert(connection, stocktake, other, 0, 0, null));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection, POST, stocktake));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> execute(connection, "update stocktake set version = version + 1 where id = ?", stocktake));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> execute(connection, "delete from stocktake_line where id = ?", line));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> execute(connection, "delete from stocktake where id = ?", stocktake));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection, "truncate stocktake_line"));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection, "truncate stocktake cascade"));
            assertThat(status(connection, stocktake)).isEqualTo("CANCELLED");
        }
    }

    @Test
    void aDifferenceIsPostedOnlyWithTheAdjustmentOfIt() throws Exception {
        try (Connection connection = database.connect()) {
            long stocktake = open(connection, null);
            long line = insert(connection, stocktake, product, 8, 10, received);

            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection, POST, stocktake));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> {
                long wrong = Fixtures.recordMovement(connection, "ADJUST", product, null, shelf, -3, "stocktake " + stocktake);
                Fixtures.changeOnHand(connection, product, shelf, -3);
                execute(connection, "update stocktake_line set movement_id = ? where id = ?", wrong, line);
            }));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> {
                long otherReason = Fixtures.recordMovement(connection, "ADJUST", product, null, shelf, -2, "count");
                Fixtures.changeOnHand(connection, product, shelf, -2);
                execute(connection, "update stocktake_line set movement_id = ? where id = ?", otherReason, line);
            }));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> {
                long adjustment = Fixtures.recordMovement(connection, "ADJUST", product, null, shelf, -2,
                        "stocktake " + stocktake);
                Fixtures.changeOnHand(connection, product, shelf, -2);
                execute(connection, "update stocktake_line set movement_id = ? where id = ?", adjustment, line);
                execute(connection, CANCEL, stocktake);  // a posted difference cannot be cancelled
            }));
            assertThat(status(connection, stocktake)).isEqualTo("OPEN");
            assertThat(Fixtures.onHand(connection, product, shelf)).isEqualTo(10);
        }
    }

    @Test
    void anArchivedProductIsCountedDownNotUp() throws Exception {
        try (Connection connection = database.connect()) {
            long old = Fixtures.newProduct(connection);
            execute(connection, "update product set archived = true where id = ?", old);
            long stocktake = open(connection, null);

            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> insert(connection, stocktake, old, 1, 0, null));
            insert(connection, stocktake, old, 0, 0, null);
        }
    }

    private long open(Connection connection, String skus) throws SQLException {
        return open(connection, shelf, skus);
    }

    private static long open(Connection connection, long location, String skus) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(OPEN)) {
            insert.setLong(1, location);
            insert.setString(2, skus);
            return returnedId(insert);
        }
    }

    private static long insert(Connection connection, long stocktake, long product, int counted, int expected,
                               Long afterMovement) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(COUNT)) {
            insert.setLong(1, stocktake);
            insert.setLong(2, product);
            insert.setInt(3, counted);
            insert.setInt(4, expected);
            insert.setObject(5, afterMovement);
            return returnedId(insert);
        }
    }

    private static long returnedId(PreparedStatement insert) throws SQLException {
        try (ResultSet row = insert.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String status(Connection connection, long stocktake) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select status from stocktake where id = ?")) {
            query.setLong(1, stocktake);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static String sku(Connection connection, long product) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select sku from product where id = ?")) {
            query.setLong(1, product);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
