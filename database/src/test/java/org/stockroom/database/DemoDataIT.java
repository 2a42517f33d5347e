package org.stockroom.database;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.database.Fixtures.count;

/** The demo data loads once, into an empty database only, and obeys every rule of the schema. */
class DemoDataIT {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private static final List<String> SKUS = List.of(
            "ANCHOR-8", "BLADE-HACK", "BOLT-M8-40", "CABLE-25-100", "DRILL-BIT-6", "ELBOW-CU-15", "GLOVE-L",
            "GOGGLES", "MASK-FFP2", "MCB-B32", "NUT-M8", "PIPE-CU-15", "SCREW-4X40", "SILICONE-W", "SOCKET-2G",
            "TAPE-PTFE", "VALVE-ISO-15", "WASH-M8");
    private static final List<String> LOCATION_CODES = List.of("MAIN", "SHOP", "VAN-1");
    private static final int MOVEMENTS = 34;

    private static final List<Boolean> firstLoads = new ArrayList<>();

    /** Two application servers starting at once against the same empty database. */
    @BeforeAll
    static void loadFromTwoSessionsAtOnce() throws Exception {
        ExecutorService starts = Executors.newFixedThreadPool(2);
        try {
            Callable<Boolean> load = () -> DemoData.loadIfEmpty(database.coordinates());
            List<Future<Boolean>> results = starts.invokeAll(List.of(load, load));
            for (Future<Boolean> result : results) {
                firstLoads.add(result.get());
            }
        } finally {
            starts.shutdownNow();
        }
    }

    @Test
    void exactlyOneOfTwoConcurrentStartsLoadsTheDemoData() throws Exception {
        assertThat(firstLoads).containsExactlyInAnyOrder(true, false);
        try (Connection connection = database.connect()) {
            assertThat(count(connection, "select count(*) from stock_movement")).isEqualTo(MOVEMENTS);
        }
    }

    @Test
    void loadingAgainIsANoOp() throws Exception {
        try (Connection connection = database.connect()) {
            long levels = count(connection, "select count(*) from stock_level");

            assertThat(DemoData.loadIfEmpty(database.coordinates())).isFalse();

            assertThat(count(connection, "select count(*) from product")).isEqualTo(SKUS.size());
            assertThat(count(connection, "select count(*) from location")).isEqualTo(LOCATION_CODES.size());
            assertThat(count(connection, "select count(*) from stock_movement")).isEqualTo(MOVEMENTS);
            assertThat(count(connection, "select count(*) from stock_level")).isEqualTo(levels);
        }
    }

    @Test
    void everyProductAndLocationIsPresent() throws Exception {
        try (Connection connection = database.connect()) {
            assertThat(strings(connection, "select sku from product order by sku")).containsExactlyElementsOf(SKUS);
            assertThat(strings(connection, "select code from location order by code"))
                    .containsExactlyElementsOf(LOCATION_CODES);
            assertThat(count(connection, "select count(*) from product where archived")).isZero();
        }
    }

    @Test
    void everyStockLevelEqualsItsLedgerSumAndNoneIsNegative() throws Exception {
        try (Connection connection = database.connect()) {
            assertThat(count(connection, LedgerQueries.LEVELS_DISAGREEING_WITH_LEDGER)).isZero();
            assertThat(count(connection, LedgerQueries.NEGATIVE_LEVELS)).isZero();
            assertThat(count(connection, LedgerQueries.PRODUCT_TOTALS_DISAGREEING_WITH_LEVELS)).isZero();
            // Spot checks against the script: 1000 bolts received, 200 to the shop, 150 of them sold.
            assertThat(onHand(connection, "BOLT-M8-40", "MAIN")).isEqualTo(800);
            assertThat(onHand(connection, "BOLT-M8-40", "SHOP")).isEqualTo(50);
            assertThat(onHand(connection, "WASH-M8", "MAIN")).isEqualTo(1475);
            assertThat(onHand(connection, "ELBOW-CU-15", "VAN-1")).isEqualTo(6);
        }
    }

    @Test
    void theLedgerHasEveryKindOfMovementInTheOrderItHappened() throws Exception {
        try (Connection connection = database.connect()) {
            assertThat(strings(connection, "select distinct movement_type from stock_movement order by 1"))
                    .containsExactly("ADJUST", "ISSUE", "RECEIVE", "TRANSFER");
            assertThat(count(connection, """
                    select count(*) from (
                        select occurred_at < lag(occurred_at) over (order by id) as out_of_order from stock_movement
                    ) m where out_of_order""")).isZero();
            assertThat(count(connection, "select count(*) from stock_movement where occurred_at > now()")).isZero();
        }
    }

    @Test
    void someProductsAreBelowTheirReorderPoint() throws Exception {
        // The demo is meant to show the low-stock view with something in it.
        try (Connection connection = database.connect()) {
            assertThat(count(connection, """
                    select count(*) from product p
                     where (select coalesce(sum(on_hand), 0) from stock_level where product_id = p.id)
                           < p.reorder_point""")).isPositive();
        }
    }

    private static long onHand(Connection connection, String sku, String code) throws Exception {
        return count(connection, "select s.on_hand from stock_level s join product p on p.id = s.product_id"
                + " join location l on l.id = s.location_id where p.sku = '" + sku + "' and l.code = '" + code + "'");
    }

    private static List<String> strings(Connection connection, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
