package org.stockroom.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rows for tests, written the way the application server writes them: a movement and the
 * matching stock level change, in whatever transaction the caller has open.
 */
final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Fixtures() {
    }

    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    /** A code no other test uses, valid as a SKU or a location code. */
    static String uniqueCode(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    static long newProduct(Connection connection) throws SQLException {
        return returningId(connection, "insert into product (sku, name) values (?, 'Test product') returning id",
                uniqueCode("SKU"));
    }

    static long newLocation(Connection connection) throws SQLException {
        return returningId(connection, "insert into location (code, name) values (?, 'Test location') returning id",
                uniqueCode("LOC"));
    }

    /** Appends one movement to the ledger, nothing else. */
    static long recordMovement(Connection connection, String type, long product, Long from, Long to,
                               int quantity, String reason) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into stock_movement (movement_type, product_id, from_location_id, to_location_id,
                                            quantity, reason, recorded_by)
                values (?, ?, ?, ?, ?, ?, 'test') returning id""")) {
            insert.setString(1, type);
            insert.setLong(2, product);
            setNullableLong(insert, 3, from);
            setNullableLong(insert, 4, to);
            insert.setInt(5, quantity);
            insert.setString(6, reason);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Changes one stock level by {@code delta}, creating the row on the first receipt. */
    static void changeOnHand(Connection connection, long product, long location, long delta) throws SQLException {
        // INSERT ... ON CONFLICT checks the proposed row first, so decrements must be plain UPDATEs.
        String sql = delta >= 0
                ? """
                  insert into stock_level (product_id, location_id, on_hand) values (?, ?, ?)
                  on conflict (product_id, location_id)
                  do update set on_hand = stock_level.on_hand + excluded.on_hand, updated_at = now()"""
                : "update stock_level set on_hand = on_hand + ?, updated_at = now() where product_id = ? and location_id = ?";
        try (PreparedStatement change = connection.prepareStatement(sql)) {
            if (delta >= 0) {
                change.setLong(1, product);
                change.setLong(2, location);
                change.setLong(3, delta);
            } else {
                change.setLong(1, delta);
                change.setLong(2, product);
                change.setLong(3, location);
            }
            change.executeUpdate();
        }
    }

    static void receive(Connection connection, long product, long location, int quantity) throws SQLException {
        recordMovement(connection, "RECEIVE", product, null, location, quantity, null);
        changeOnHand(connection, product, location, quantity);
    }

    static void issue(Connection connection, long product, long location, int quantity) throws SQLException {
        recordMovement(connection, "ISSUE", product, location, null, quantity, null);
        changeOnHand(connection, product, location, -quantity);
    }

    static void transfer(Connection connection, long product, long from, long to, int quantity) throws SQLException {
        recordMovement(connection, "TRANSFER", product, from, to, quantity, null);
        changeOnHand(connection, product, from, -quantity);
        changeOnHand(connection, product, to, quantity);
    }

    static void adjust(Connection connection, long product, long location, int quantity, String reason)
            throws SQLException {
        recordMovement(connection, "ADJUST", product, null, location, quantity, reason);
        changeOnHand(connection, product, location, quantity);
    }

    /** Runs {@code work} in one transaction and commits it; rolls back if anything, the commit included, fails. */
    static void inTransaction(Connection connection, Work work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** The committed or in-transaction on hand; 0 when there is no stock level row. */
    static long onHand(Connection connection, long product, long location) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select on_hand from stock_level where product_id = ? and location_id = ?")) {
            query.setLong(1, product);
            query.setLong(2, location);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static long returningId(Connection connection, String sql, String code) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, code);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
