package org.stockroom.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.database.Fixtures.count;
import static org.stockroom.database.Fixtures.execute;
import static org.stockroom.database.Fixtures.uniqueCode;
import static org.stockroom.database.Refusals.CHECK_VIOLATION;
import static org.stockroom.database.Refusals.INTEGRITY_CONSTRAINT_VIOLATION;
import static org.stockroom.database.Refusals.UNIQUE_VIOLATION;
import static org.stockroom.database.Refusals.assertRefused;

/** SKUs and location codes: unique, well-formed, and never changed once given. */
class ProductAndLocationConstraintsIT {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private static final String INSERT_PRODUCT = "insert into product (sku, name) values (?, 'Hex bolt')";
    private static final String INSERT_LOCATION = "insert into location (code, name) values (?, 'Back room')";

    @Test
    void aSkuIsUnique() throws Exception {
        try (Connection connection = database.connect()) {
            String sku = uniqueCode("BOLT");
            execute(connection, INSERT_PRODUCT, sku);

            assertRefused(UNIQUE_VIOLATION, "product_sku_unique", () -> execute(connection, INSERT_PRODUCT, sku));
            assertThat(count(connection, "select count(*) from product where sku = '" + sku + "'")).isEqualTo(1);
        }
    }

    @Test
    void aLocationCodeIsUnique() throws Exception {
        try (Connection connection = database.connect()) {
            String code = uniqueCode("BAY");
            execute(connection, INSERT_LOCATION, code);

            assertRefused(UNIQUE_VIOLATION, "location_code_unique", () -> execute(connection, INSERT_LOCATION, code));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-BOLT", ".BOLT", "_BOLT", "BOLT M8", "BOLT/M8", "BOLT\n", "\nBOLT",
            "BÖLT", "BOLT;", "BOLT'8", "BOLT%"})
    void aMalformedSkuIsRefused(String sku) throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "product_sku_format", () -> execute(connection, INSERT_PRODUCT, sku));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-MAIN", "MAIN 2", "MAIN/2", "MAIN\n", "ÜBER"})
    void aMalformedLocationCodeIsRefused(String code) throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "location_code_format", () -> execute(connection, INSERT_LOCATION, code));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "9", "bolt-m8.40_zinc", "VAN-1", "X.Y_Z-0"})
    void wellFormedSkusAndCodesAreAccepted(String stem) throws Exception {
        try (Connection connection = database.connect()) {
            String code = uniqueCode(stem);
            assertThat(execute(connection, INSERT_PRODUCT, code)).isEqualTo(1);
            assertThat(execute(connection, INSERT_LOCATION, code)).isEqualTo(1);
        }
    }

    @Test
    void aSkuNeverChanges() throws Exception {
        try (Connection connection = database.connect()) {
            long product = Fixtures.newProduct(connection);

            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> execute(connection, "update product set sku = ? where id = ?", uniqueCode("NEW"), product));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> execute(connection, "update product set id = default where id = ?", product));
            // Everything else about a product may change, and rewriting the same SKU is no change.
            assertThat(execute(connection,
                    "update product set sku = sku, name = 'Renamed', version = version + 1 where id = ?", product))
                    .isEqualTo(1);
        }
    }

    @Test
    void aLocationCodeNeverChanges() throws Exception {
        try (Connection connection = database.connect()) {
            long location = Fixtures.newLocation(connection);

            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> execute(connection, "update location set code = ? where id = ?", uniqueCode("NEW"), location));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> execute(connection, "update location set id = default where id = ?", location));
            assertThat(execute(connection, "update location set name = 'Renamed' where id = ?", location)).isEqualTo(1);
        }
    }

    @Test
    void namesAreNotBlankAndTheReorderPointIsNotNegative() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "product_name_not_blank",
                    () -> execute(connection, "insert into product (sku, name) values (?, '  ')", uniqueCode("P")));
            assertRefused(CHECK_VIOLATION, "product_unit_not_blank", () -> execute(connection,
                    "insert into product (sku, name, unit_of_measure) values (?, 'Nut', '')", uniqueCode("P")));
            assertRefused(CHECK_VIOLATION, "product_reorder_point_not_negative", () -> execute(connection,
                    "insert into product (sku, name, reorder_point) values (?, 'Nut', -1)", uniqueCode("P")));
            assertRefused(CHECK_VIOLATION, "location_name_not_blank",
                    () -> execute(connection, "insert into location (code, name) values (?, '')", uniqueCode("L")));
        }
    }
}
