package org.stockroom.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * Seeds a long ledger for the hot-SKU ledger-depth scenario (issue 13), in set-based SQL.
 *
 * <p>Hot products {@code HOT-1K-r} and {@code HOT-1M-r} (one per repetition, so each measured
 * step starts at its nominal depth) hold 1,000 and 1,000,000 receipts of 1 at {@code LOC-01};
 * {@value #BULK_PRODUCTS} bulk products fill the rest of the ledger, spread over the
 * {@value Seeder#LOCATIONS} locations. Every row is a receipt of 1, so each stock level is its
 * row count and each balance after is the row's place in its (product, location) chain.
 *
 * <p>Through the triggers this would take hours: V7's commit-time check sums the whole chain
 * for every row, and V8 moves a head row per movement. So the rows are written with
 * {@code session_replication_role = replica} (no triggers), with their balances after computed
 * in the same INSERT where the schema has them (V8), and then the stock levels, the products'
 * totals and the heads are derived from the ledger in one pass each, as V7's and V8's own
 * back-fills do. The hot products' levels and heads are checked against their ledger at the end,
 * and every movement the benchmark posts is checked at commit by the schema itself.
 */
final class LedgerHistorySeeder {

    static final int SHALLOW = 1_000;
    static final int DEEP = 1_000_000;
    static final int BULK_PRODUCTS = 1_000;
    private static final int BULK_BATCH = 1_000_000;

    private final String jdbcUrl;
    private final Consumer<String> progress;

    LedgerHistorySeeder(String jdbcUrl, Consumer<String> progress) {
        this.jdbcUrl = jdbcUrl;
        this.progress = progress;
    }

    /** The SKU of hot product number {@code n} with {@code depth} rows: HOT-1K-1, HOT-1M-2, ... */
    static String hotSku(int depth, int n) {
        return (depth == DEEP ? "HOT-1M-" : "HOT-1K-") + n;
    }

    /**
     * Seeds {@code shallowProducts} products with 1,000 rows, {@code deepProducts} with 1,000,000
     * and bulk rows up to {@code ledgerRows} in all; returns the ledger's size.
     */
    long seed(int shallowProducts, int deepProducts, long ledgerRows) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement statement = connection.createStatement()) {
            boolean runningBalances = exists(statement, "select to_regclass('stock_ledger_balance') is not null");
            progress.accept("schema: " + (runningBalances ? "running balances (V8)" : "no running balances (before V8)"));
            statement.execute("set session_replication_role = replica");
            statement.execute("set maintenance_work_mem = '256MB'");
            statement.execute("""
                    insert into location (code, name)
                    select 'LOC-' || lpad(l::text, 2, '0'), 'Location ' || l from generate_series(1, %d) l
                    on conflict (code) do nothing""".formatted(Seeder.LOCATIONS));
            long firstLocation = single(statement, "select min(id) from location where code like 'LOC-__'");
            if (single(statement, "select max(id) - min(id) from location where code like 'LOC-__'") != Seeder.LOCATIONS - 1) {
                throw new SQLException("the seeded locations' ids are not consecutive");
            }

            // With the triggers off, what V11's trigger fills in is written here (0: the products count whole).
            boolean unitPlaces = exists(statement, "select exists (select 1 from information_schema.columns"
                    + " where table_name = 'product' and column_name = 'decimal_places')");
            String placesColumn = unitPlaces ? ", decimal_places" : "";
            String placesValue = unitPlaces ? ", 0" : "";
            String balanceColumn = runningBalances ? ", to_balance_after" : "";
            String balanceValue = runningBalances ? ", g" : "";
            try (PreparedStatement product = connection.prepareStatement(
                    "insert into product (sku, name, category" + placesColumn + ") values (?, ?, 'Hot'" + placesValue
                            + ") returning id");
                 PreparedStatement receipts = connection.prepareStatement("""
                         insert into stock_movement (movement_type, product_id, to_location_id, quantity, reference,
                                                     occurred_at, recorded_by%s)
                         select 'RECEIVE', ?, ?, 1, 'PO-' || g, now() - interval '1 day' * (1000000 - g) / 1000000, 'seed'%s
                           from generate_series(1, ?) g
                          order by g""".formatted(balanceColumn, balanceValue))) {
                for (int depth : new int[]{SHALLOW, DEEP}) {
                    for (int r = 1; r <= (depth == SHALLOW ? shallowProducts : deepProducts); r++) {
                        product.setString(1, hotSku(depth, r));
                        product.setString(2, "Hot item with " + depth + " receipts");
                        long id;
                        try (ResultSet row = product.executeQuery()) {
                            row.next();
                            id = row.getLong(1);
                        }
                        receipts.setLong(1, id);
                        receipts.setLong(2, firstLocation);
                        receipts.setInt(3, depth);
                        receipts.executeUpdate();
                        progress.accept("seeded " + hotSku(depth, r) + ": " + depth + " ledger rows at LOC-01");
                    }
                }
            }

            long hotRows = (long) shallowProducts * SHALLOW + (long) deepProducts * DEEP;
            long bulkRows = Math.max(0, ledgerRows - hotRows);
            if (bulkRows > 0) {
                statement.execute("""
                        insert into product (sku, name, category%s)
                        select 'BULK-' || lpad(i::text, 5, '0'), 'Bulk item ' || i, 'Bulk'%s from generate_series(1, %d) i
                        """.formatted(placesColumn, placesValue, BULK_PRODUCTS));
                long firstBulk = single(statement, "select min(id) from product where sku like 'BULK-%'");
                // Row i (from 0) belongs to product i % 1000 at location (i / 1000) % 20: each
                // (product, location) occurs once in every 20,000 rows, so row i is the
                // (i / 20,000 + 1)-th of its chain.
                long chainStride = (long) BULK_PRODUCTS * Seeder.LOCATIONS;
                try (PreparedStatement bulk = connection.prepareStatement("""
                        insert into stock_movement (movement_type, product_id, to_location_id, quantity, reference,
                                                    occurred_at, recorded_by%s)
                        select 'RECEIVE', ? + i %% %d, ? + (i / %d) %% %d, 1, 'PO-B' || i,
                               now() - interval '400 days' + interval '1 second' * (i / 4), 'seed'%s
                          from generate_series(?, ?) i
                         order by i""".formatted(balanceColumn, BULK_PRODUCTS, BULK_PRODUCTS, Seeder.LOCATIONS,
                        runningBalances ? ", i / " + chainStride + " + 1" : ""))) {
                    for (long from = 0; from < bulkRows; from += BULK_BATCH) {
                        bulk.setLong(1, firstBulk);
                        bulk.setLong(2, firstLocation);
                        bulk.setLong(3, from);
                        bulk.setLong(4, Math.min(bulkRows, from + BULK_BATCH) - 1);
                        bulk.executeUpdate();
                        progress.accept("seeded bulk ledger rows: " + Math.min(bulkRows, from + BULK_BATCH));
                    }
                }
            }

            // The levels, the products' totals (V7) and the heads (V8), each the ledger's own sums.
            statement.execute("""
                    insert into stock_level (product_id, location_id, on_hand)
                    select product_id, location_id, sum(delta) from stock_ledger_entry group by product_id, location_id
                    on conflict (product_id, location_id) do update set on_hand = excluded.on_hand""");
            statement.execute("""
                    update product p set on_hand = s.total
                      from (select product_id, sum(on_hand) as total from stock_level group by product_id) s
                     where s.product_id = p.id and p.on_hand <> s.total""");
            if (runningBalances) {
                statement.execute("""
                        insert into stock_ledger_balance (product_id, location_id, balance, last_movement_id)
                        select product_id, location_id, sum(delta), max(movement_id) from stock_ledger_entry
                         group by product_id, location_id
                        on conflict (product_id, location_id)
                            do update set balance = excluded.balance, last_movement_id = excluded.last_movement_id""");
            }
            statement.execute("set session_replication_role = origin");
            progress.accept("derived the stock levels" + (runningBalances ? " and the ledger's heads" : "") + "; vacuuming");
            statement.execute("vacuum analyze");

            checkHotProducts(statement, runningBalances);
            return single(statement, "select count(*) from stock_movement");
        }
    }

    /** Each hot product's level (and head) equals its ledger: what the deferred check will compare. */
    private static void checkHotProducts(Statement statement, boolean runningBalances) throws SQLException {
        String disagreeing = """
                select count(*)
                  from product p
                  join stock_level s on s.product_id = p.id
                  join (select product_id, location_id, sum(delta) as total from stock_ledger_entry
                         where product_id in (select id from product where sku like 'HOT-%%')
                         group by product_id, location_id) e using (product_id, location_id)
                  %s
                 where p.sku like 'HOT-%%' and (s.on_hand <> e.total or p.on_hand <> e.total %s)"""
                .formatted(runningBalances ? "join stock_ledger_balance b using (product_id, location_id)" : "",
                        runningBalances ? "or b.balance <> e.total" : "");
        long wrong = single(statement, disagreeing);
        if (wrong != 0) {
            throw new SQLException(wrong + " hot products' levels disagree with their ledger");
        }
    }

    private static boolean exists(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
