package org.stockroom.database;

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
 * CSV import batches and opening stock (V18) against the SQL a buggy client could send: a file is
 * recorded once per kind, a batch never changes, only an opening-stock batch's RECEIVEs name it,
 * and opening stock is only a product's first stock at a location.
 */
class ImportBatchConstraintsIT {

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private static int files;

    @Test
    void theSameFileIsRecordedOncePerKind() throws Exception {
        try (Connection connection = database.connect()) {
            String sha = sha();
            batch(connection, "products", sha, 3, 2, 1, 0);
            batch(connection, "locations", sha, 1, 1, 0, 0);  // another kind: its own record

            assertRefused(UNIQUE_VIOLATION, "import_batch_file_once",
                    () -> batch(connection, "products", sha, 3, 0, 0, 3));
        }
    }

    @Test
    void aBatchsCountsAddUpAndItsKindAndHashAreChecked() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "import_batch_counts_add_up",
                    () -> batch(connection, "products", sha(), 3, 1, 1, 0));
            assertRefused(CHECK_VIOLATION, "import_batch_kind_known",
                    () -> batch(connection, "orders", sha(), 0, 0, 0, 0));
            assertRefused(CHECK_VIOLATION, "import_batch_sha256_format",
                    () -> batch(connection, "products", "not-a-hash", 0, 0, 0, 0));
            assertRefused(CHECK_VIOLATION, "import_batch_opening_stock_creates_only",
                    () -> batch(connection, "opening-stock", sha(), 2, 1, 0, 1));
        }
    }

    @Test
    void aBatchIsNeverChangedOrDeleted() throws Exception {
        try (Connection connection = database.connect()) {
            long id = batch(connection, "products", sha(), 1, 1, 0, 0);

            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> execute(connection, "update import_batch set created = 0, unchanged = 1 where id = ?", id));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> execute(connection, "delete from import_batch where id = ?", id));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> execute(connection, "truncate import_batch cascade"));
            assertThat(count(connection, "select count(*) from import_batch where id = " + id)).isEqualTo(1);
        }
    }

    @Test
    void openingStockIsAReceiveOfAnOpeningStockBatch() throws Exception {
        try (Connection connection = database.connect()) {
            long product = Fixtures.newProduct(connection);
            long location = Fixtures.newLocation(connection);
            long products = batch(connection, "products", sha(), 0, 0, 0, 0);
            long opening = batch(connection, "opening-stock", sha(), 1, 1, 0, 0);

            assertRefused(FOREIGN_KEY_VIOLATION, () -> inTransaction(connection,
                    () -> openingReceipt(connection, products, "opening-stock", product, location, 5)));
            assertRefused(CHECK_VIOLATION, "stock_movement_import_is_opening_receipt", () -> inTransaction(connection,
                    () -> openingReceipt(connection, products, "products", product, location, 5)));
            assertRefused(CHECK_VIOLATION, "stock_movement_import_is_opening_receipt", () -> inTransaction(connection,
                    () -> execute(connection, """
                            insert into stock_movement (movement_type, product_id, to_location_id, quantity, reason,
                                                        recorded_by, import_batch_id, import_kind)
                            values ('ADJUST', ?, ?, 5, 'opening stock', 'test', ?, 'opening-stock')""",
                            product, location, opening)));

            inTransaction(connection, () -> openingReceipt(connection, opening, "opening-stock", product, location, 5));
            assertThat(Fixtures.onHand(connection, product, location)).isEqualTo(5);
        }
    }

    @Test
    void openingStockIsOnlyTheFirstStockOfAProductAtALocation() throws Exception {
        try (Connection connection = database.connect()) {
            long product = Fixtures.newProduct(connection);
            long stocked = Fixtures.newLocation(connection);
            long empty = Fixtures.newLocation(connection);
            inTransaction(connection, () -> Fixtures.receive(connection, product, stocked, 3));
            long first = batch(connection, "opening-stock", sha(), 2, 2, 0, 0);
            long second = batch(connection, "opening-stock", sha(), 1, 1, 0, 0);

            assertRefused(CHECK_VIOLATION, () -> inTransaction(connection,
                    () -> openingReceipt(connection, first, "opening-stock", product, stocked, 5)));
            assertThat(Fixtures.onHand(connection, product, stocked)).isEqualTo(3);

            // One batch may bring several receipts of one product to one place (its lots, say) ...
            inTransaction(connection, () -> {
                openingReceipt(connection, first, "opening-stock", product, empty, 5);
                openingReceipt(connection, first, "opening-stock", product, empty, 2);
            });
            assertThat(Fixtures.onHand(connection, product, empty)).isEqualTo(7);
            // ... but no other opening balance can come on top of it.
            assertRefused(CHECK_VIOLATION, () -> inTransaction(connection,
                    () -> openingReceipt(connection, second, "opening-stock", product, empty, 5)));
            assertThat(Fixtures.onHand(connection, product, empty)).isEqualTo(7);
        }
    }

    private static void openingReceipt(Connection connection, long batch, String kind, long product, long location,
                                       int quantity) throws SQLException {
        execute(connection, """
                insert into stock_movement (movement_type, product_id, to_location_id, quantity, reason, recorded_by,
                                            import_batch_id, import_kind)
                values ('RECEIVE', ?, ?, ?, 'opening stock', 'test', ?, ?)""",
                product, location, quantity, batch, kind);
        Fixtures.changeOnHand(connection, product, location, quantity);
    }

    private static long batch(Connection connection, String kind, String sha, int rows, int created, int updated,
                              int unchanged) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into import_batch (kind, file_sha256, file_bytes, rows_read, created, updated, unchanged,
                                          imported_by)
                values (?, ?, 100, ?, ?, ?, ?, 'test') returning id""")) {
            insert.setString(1, kind);
            insert.setString(2, sha);
            insert.setInt(3, rows);
            insert.setInt(4, created);
            insert.setInt(5, updated);
            insert.setInt(6, unchanged);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** A hash no other test's file has. */
    private static synchronized String sha() {
        return String.format("%064x", ++files + System.nanoTime());
    }
}
