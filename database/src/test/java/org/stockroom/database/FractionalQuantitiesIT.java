package org.stockroom.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.database.Fixtures.execute;
import static org.stockroom.database.Fixtures.inTransaction;
import static org.stockroom.database.Refusals.CHECK_VIOLATION;
import static org.stockroom.database.Refusals.INTEGRITY_CONSTRAINT_VIOLATION;
import static org.stockroom.database.Refusals.assertRefused;

/**
 * Fractional quantities (V11): a product counts in its unit's decimal places, every quantity is
 * exact, and the database refuses a quantity finer than the product's unit whoever writes it.
 */
class FractionalQuantitiesIT {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    @Test
    void aProductTakesItsUnitsDecimalPlacesAndAnUnlistedUnitCountsWhole() throws Exception {
        try (Connection connection = database.connect()) {
            assertThat(decimalPlaces(connection, product(connection, "m"))).isEqualTo(3);
            assertThat(decimalPlaces(connection, product(connection, "KG"))).isEqualTo(3);
            assertThat(decimalPlaces(connection, product(connection, "EA"))).isZero();
            assertThat(decimalPlaces(connection, product(connection, "CARTON"))).isZero();
        }
    }

    @Test
    void decimalsMoveExactlyAndTheLedgerStillEqualsTheLevels() throws Exception {
        try (Connection connection = database.connect()) {
            long cable = product(connection, "M");
            long drum = Fixtures.newLocation(connection);
            inTransaction(connection, () -> {
                movement(connection, "RECEIVE", cable, null, drum, "100.5");
                change(connection, cable, drum, "100.5");
            });
            for (String cut : new String[] {"0.1", "0.2", "12.125"}) {
                inTransaction(connection, () -> {
                    movement(connection, "ISSUE", cable, drum, null, cut);
                    change(connection, cable, drum, "-" + cut);
                });
            }

            assertThat(decimal(connection, "select on_hand from stock_level where product_id = " + cable))
                    .isEqualByComparingTo("88.075");
            assertThat(decimal(connection, "select on_hand from product where id = " + cable))
                    .isEqualByComparingTo("88.075");
            assertThat(decimal(connection, "select balance from stock_ledger_balance where product_id = " + cable))
                    .isEqualByComparingTo("88.075");
            assertThat(decimal(connection, "select sum(delta) from stock_ledger_entry where product_id = " + cable))
                    .isEqualByComparingTo("88.075");
        }
    }

    @Test
    void aQuantityFinerThanTheProductsUnitIsRefused() throws Exception {
        try (Connection connection = database.connect()) {
            long bolt = product(connection, "EA");
            long cable = product(connection, "M");
            long bin = Fixtures.newLocation(connection);

            assertRefused(CHECK_VIOLATION, () -> movement(connection, "RECEIVE", bolt, null, bin, "1.5"));
            assertRefused(CHECK_VIOLATION, () -> movement(connection, "RECEIVE", cable, null, bin, "1.0005"));
            assertThat(Fixtures.count(connection, "select count(*) from stock_movement where product_id in ("
                    + bolt + ", " + cable + ")")).isZero();
        }
    }

    @Test
    void decimalPlacesOtherThanTheUnitsAreRefusedAndAChangeOfUnitBringsItsOwn() throws Exception {
        try (Connection connection = database.connect()) {
            long product = product(connection, "EA");

            assertRefused(CHECK_VIOLATION, () -> execute(connection,
                    "update product set decimal_places = 2 where id = ?", product));
            execute(connection, "update product set unit_of_measure = 'kg' where id = ?", product);

            assertThat(decimalPlaces(connection, product)).isEqualTo(3);
        }
    }

    @Test
    void aUnitCannotBecomeCoarserThanTheProductsHistory() throws Exception {
        try (Connection connection = database.connect()) {
            long cable = product(connection, "M");
            long wholeMetres = product(connection, "M");
            long drum = Fixtures.newLocation(connection);
            inTransaction(connection, () -> {
                movement(connection, "RECEIVE", cable, null, drum, "2.5");
                change(connection, cable, drum, "2.5");
                movement(connection, "RECEIVE", wholeMetres, null, drum, "3");
                change(connection, wholeMetres, drum, "3");
            });

            assertRefused(CHECK_VIOLATION, () -> execute(connection,
                    "update product set unit_of_measure = 'EA' where id = ?", cable));
            execute(connection, "update product set unit_of_measure = 'EA' where id = ?", wholeMetres);
            assertThat(decimalPlaces(connection, wholeMetres)).isZero();
        }
    }

    @Test
    void aReorderPointFinerThanTheUnitIsRefused() throws Exception {
        try (Connection connection = database.connect()) {
            long bolt = product(connection, "EA");
            long cable = product(connection, "M");

            assertRefused(CHECK_VIOLATION, () -> execute(connection,
                    "update product set reorder_point = 2.5 where id = ?", bolt));
            execute(connection, "update product set reorder_point = 2.5 where id = ?", cable);
            assertThat(decimal(connection, "select reorder_point from product where id = " + cable))
                    .isEqualByComparingTo("2.5");
        }
    }

    @Test
    void aUnitInUseMayGainDecimalPlacesButNotLoseThem() throws Exception {
        try (Connection connection = database.connect()) {
            execute(connection, "insert into unit_of_measure (code, name, decimal_places) values ('TESTUNIT', 'test', 1)");
            long product = product(connection, "testunit");

            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                    "update unit_of_measure set decimal_places = 0 where code = 'TESTUNIT'"));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                    "delete from unit_of_measure where code = 'TESTUNIT'"));
            execute(connection, "update unit_of_measure set decimal_places = 2 where code = 'TESTUNIT'");

            assertThat(decimalPlaces(connection, product)).isEqualTo(2);
        }
    }

    private static long product(Connection connection, String unit) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into product (sku, name, unit_of_measure) values (?, 'Test product', ?) returning id")) {
            insert.setString(1, Fixtures.uniqueCode("FRAC"));
            insert.setString(2, unit);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void movement(Connection connection, String type, long product, Long from, Long to,
                                 String quantity) throws SQLException {
        execute(connection, "insert into stock_movement (movement_type, product_id, from_location_id,"
                + " to_location_id, quantity, recorded_by) values (?, ?, ?, ?, ?, 'test')",
                type, product, from, to, new BigDecimal(quantity));
    }

    private static void change(Connection connection, long product, long location, String delta) throws SQLException {
        if (delta.startsWith("-")) {  // ON CONFLICT checks the proposed row first: decrements are plain UPDATEs
            execute(connection, "update stock_level set on_hand = on_hand + ? where product_id = ? and location_id = ?",
                    new BigDecimal(delta), product, location);
            return;
        }
        execute(connection, """
                insert into stock_level (product_id, location_id, on_hand) values (?, ?, ?)
                on conflict (product_id, location_id)
                do update set on_hand = stock_level.on_hand + excluded.on_hand, updated_at = now()""",
                product, location, new BigDecimal(delta));
    }

    private static int decimalPlaces(Connection connection, long product) throws SQLException {
        return (int) Fixtures.count(connection, "select decimal_places from product where id = " + product);
    }

    private static BigDecimal decimal(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getBigDecimal(1);
        }
    }
}
