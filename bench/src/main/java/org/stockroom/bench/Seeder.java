package org.stockroom.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Seeds the benchmark data straight into the schema, in set-based SQL (generate_series).
 *
 * <p>Each product {@code i} is {@code SKU-%08d}; it is stocked at two of the locations, and its
 * ledger holds a receipt and an issue at the first and a receipt at the second, spread over the
 * past year, so that every stock level equals the sum of its ledger. One product in twenty is
 * below its reorder point. The rows are written with {@code session_replication_role = replica},
 * which skips the per-row triggers (the deferred ledger check would otherwise run two million
 * times, and the one keeping product.on_hand would update each product twice); so the seeder
 * writes product.on_hand, the movements' running balances and the ledger's heads (V8) itself, and
 * checks the seeded levels against the ledger and the heads, and the products' totals against
 * their levels afterwards, failing if a single one disagrees.
 */
final class Seeder {

    static final int LOCATIONS = 20;

    private final String jdbcUrl;

    Seeder(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Makes products 1 to {@code products} exist (adding those above the current count); returns the count before. */
    long seedUpTo(long products) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement statement = connection.createStatement()) {
            long existing = count(statement, "select count(*) from product where sku like 'SKU-%'");
            if (existing >= products) {
                return existing;
            }
            long from = existing + 1;
            connection.setAutoCommit(false);
            statement.execute("set local session_replication_role = replica");
            statement.execute("set local maintenance_work_mem = '256MB'");
            if (count(statement, "select count(*) from location") == 0) {
                statement.execute("""
                        insert into location (code, name)
                        select 'LOC-' || lpad(l::text, 2, '0'), 'Location ' || l from generate_series(1, %d) l
                        """.formatted(LOCATIONS));
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into product (sku, name, description, unit_of_measure, category, reorder_point,
                                         on_hand, decimal_places, created_at, updated_at)
                    select 'SKU-' || lpad(i::text, 8, '0'),
                           (array['Hex bolt', 'Nut', 'Washer', 'Wood screw', 'Hinge', 'Cable', 'Copper pipe', 'Glove'])[1 + i %% 8]
                               || ' ' || i,
                           'Seeded for the benchmark',
                           'EA',
                           'Category ' || (i %% 50),
                           case when i %% 20 = 19 then 100 else (i %% 19) * 5 end,
                           -- The sum of the two levels below (received - issued + second_received):
                           -- the triggers that keep it are off, and the check afterwards compares.
                           case when i %% 20 = 19 then 20 - 10 + 5 else (200 + i %% 100) - i %% 50 + (20 + i %% 30) end,
                           0,  -- EA's places: the trigger that would fill them in is off too
                           now() - make_interval(days => (i %% 365)::int),
                           now() - make_interval(days => (i %% 365)::int)
                      from generate_series(?, ?) i
                    """.formatted())) {
                insert.setLong(1, from);
                insert.setLong(2, products);
                insert.executeUpdate();
            }
            // Levels and ledger, joined to the products just added by SKU (their ids are the sequence's).
            String seeded = """
                    with seeded as (
                        select p.id, i,
                               1 + i %% %1$d as first_location,
                               1 + (i + 7) %% %1$d as second_location,
                               case when i %% 20 = 19 then 20 else 200 + i %% 100 end as received,
                               case when i %% 20 = 19 then 10 else i %% 50 end as issued,
                               case when i %% 20 = 19 then 5 else 20 + i %% 30 end as second_received
                          from generate_series(?, ?) i
                          join product p on p.sku = 'SKU-' || lpad(i::text, 8, '0'))
                    """.formatted(LOCATIONS);
            try (PreparedStatement levels = connection.prepareStatement(seeded + """
                    insert into stock_level (product_id, location_id, on_hand, updated_at)
                    select s.id, l.id, s.received - s.issued, now() from seeded s join location l on l.code = 'LOC-' || lpad(s.first_location::text, 2, '0')
                    union all
                    select s.id, l.id, s.second_received, now() from seeded s join location l on l.code = 'LOC-' || lpad(s.second_location::text, 2, '0')
                    """)) {
                levels.setLong(1, from);
                levels.setLong(2, products);
                levels.executeUpdate();
            }
            try (PreparedStatement ledger = connection.prepareStatement(seeded + """
                    insert into stock_movement (movement_type, product_id, from_location_id, to_location_id, quantity,
                                                reference, occurred_at, recorded_by, from_balance_after, to_balance_after)
                    select 'RECEIVE', s.id, null, l.id, s.received, 'PO-' || s.i, now() - interval '300 days' + make_interval(mins => (s.i % 100000)::int), 'seed',
                           null, s.received
                      from seeded s join location l on l.code = 'LOC-' || lpad(s.first_location::text, 2, '0')
                    union all
                    select 'ISSUE', s.id, l.id, null, s.issued, 'SO-' || s.i, now() - interval '100 days' + make_interval(mins => (s.i % 100000)::int), 'seed',
                           s.received - s.issued, null
                      from seeded s join location l on l.code = 'LOC-' || lpad(s.first_location::text, 2, '0')
                     where s.issued > 0
                    union all
                    select 'RECEIVE', s.id, null, l.id, s.second_received, 'PO-' || s.i || '-2', now() - interval '200 days' + make_interval(mins => (s.i % 100000)::int), 'seed',
                           null, s.second_received
                      from seeded s join location l on l.code = 'LOC-' || lpad(s.second_location::text, 2, '0')
                    """)) {
                ledger.setLong(1, from);
                ledger.setLong(2, products);
                ledger.executeUpdate();
            }
            // The heads of the ledger (V8), which its trigger would have moved: each chain's sum and last row.
            try (PreparedStatement heads = connection.prepareStatement("""
                    insert into stock_ledger_balance (product_id, location_id, balance, last_movement_id)
                    select product_id, location_id, sum(delta), max(movement_id)
                      from stock_ledger_entry
                     where product_id in (select id from product where sku >= ?)
                     group by product_id, location_id
                    """)) {
                heads.setString(1, Operation.sku(from));
                heads.executeUpdate();
            }
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("analyze");
            try (PreparedStatement check = connection.prepareStatement("""
                    select count(*)
                      from (select product_id, location_id, on_hand from stock_level
                             where product_id in (select id from product where sku >= ?)) s
                      full join (select product_id, location_id, sum(delta) as ledger
                                   from stock_ledger_entry
                                  where product_id in (select id from product where sku >= ?)
                                  group by product_id, location_id) l using (product_id, location_id)
                      full join (select product_id, location_id, balance from stock_ledger_balance
                                  where product_id in (select id from product where sku >= ?)) h using (product_id, location_id)
                     where coalesce(s.on_hand, 0) <> coalesce(l.ledger, 0) or coalesce(h.balance, 0) <> coalesce(l.ledger, 0)
                    """)) {
                check.setString(1, Operation.sku(from));
                check.setString(2, Operation.sku(from));
                check.setString(3, Operation.sku(from));
                try (ResultSet rows = check.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) != 0) {
                        throw new SQLException(rows.getLong(1) + " seeded stock levels or ledger heads disagree with their ledger");
                    }
                }
            }
            // product.on_hand (V7) must equal the sum of the product's levels, as its trigger would keep it.
            try (PreparedStatement check = connection.prepareStatement("""
                    select count(*)
                      from product p
                      left join (select product_id, sum(on_hand) as total from stock_level
                                  where product_id in (select id from product where sku >= ?)
                                  group by product_id) s on s.product_id = p.id
                     where p.sku >= ? and p.on_hand <> coalesce(s.total, 0)
                    """)) {
                check.setString(1, Operation.sku(from));
                check.setString(2, Operation.sku(from));
                try (ResultSet rows = check.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) != 0) {
                        throw new SQLException(rows.getLong(1) + " seeded products' on_hand disagree with their stock levels");
                    }
                }
            }
            return existing;
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
