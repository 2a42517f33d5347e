package org.stockroom.testing;

import org.stockroom.database.DatabaseCoordinates;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads PostgreSQL directly, to check what the API did against the source of truth. */
public final class Ledger {

    private Ledger() {
    }

    /** The on-hand figure stored in stock_level, 0 when there is no row. */
    public static long onHand(String sku, String locationCode) {
        return onHand(StockroomTestServer.database(), sku, locationCode);
    }

    /** The same, in another database (a cluster's). */
    public static long onHand(DatabaseCoordinates database, String sku, String locationCode) {
        return queryLong(database, """
                select coalesce(sum(s.on_hand), 0) from stock_level s
                  join product p on p.id = s.product_id join location l on l.id = s.location_id
                 where p.sku = ? and l.code = ?""", sku, locationCode);
    }

    /** The sum of the ledger's deltas for a product at a location. */
    public static long ledgerSum(String sku, String locationCode) {
        return ledgerSum(StockroomTestServer.database(), sku, locationCode);
    }

    /** The same, in another database (a cluster's). */
    public static long ledgerSum(DatabaseCoordinates database, String sku, String locationCode) {
        return queryLong(database, """
                select coalesce(sum(e.delta), 0) from stock_ledger_entry e
                  join product p on p.id = e.product_id join location l on l.id = e.location_id
                 where p.sku = ? and l.code = ?""", sku, locationCode);
    }

    /** The product's maintained total (product.on_hand), all locations together. */
    public static long productTotal(String sku) {
        return queryLong("select on_hand from product where sku = ?", sku);
    }

    /** The sum of the product's stock levels at all locations. */
    public static long levelsSum(String sku) {
        return queryLong("""
                select coalesce(sum(s.on_hand), 0) from stock_level s join product p on p.id = s.product_id
                 where p.sku = ?""", sku);
    }

    /** The sum of the ledger's deltas for a product at all locations. */
    public static long ledgerSum(String sku) {
        return queryLong("""
                select coalesce(sum(e.delta), 0) from stock_ledger_entry e join product p on p.id = e.product_id
                 where p.sku = ?""", sku);
    }

    /** How many movements the ledger holds for a product. */
    public static long movementCount(String sku) {
        return movementCount(StockroomTestServer.database(), sku);
    }

    /** The same, in another database (a cluster's). */
    public static long movementCount(DatabaseCoordinates database, String sku) {
        return queryLong(database, """
                select count(*) from stock_movement m join product p on p.id = m.product_id
                 where p.sku = ?""", sku);
    }

    /** How many stock levels anywhere disagree with the ledger or are negative: must always be 0. */
    public static long inconsistentLevels() {
        return queryLong("""
                select count(*) from (
                  select coalesce(s.product_id, e.product_id), coalesce(s.location_id, e.location_id)
                    from stock_level s
                    full join (select product_id, location_id, sum(delta) as total
                                 from stock_ledger_entry group by product_id, location_id) e
                      on e.product_id = s.product_id and e.location_id = s.location_id
                   where coalesce(s.on_hand, 0) <> coalesce(e.total, 0) or s.on_hand < 0) broken""");
    }

    /** What stock_level.reserved says is held at a location, 0 when there is no row. */
    public static long reserved(String sku, String locationCode) {
        return queryLong("""
                select coalesce(sum(s.reserved), 0) from stock_level s
                  join product p on p.id = s.product_id join location l on l.id = s.location_id
                 where p.sku = ? and l.code = ?""", sku, locationCode);
    }

    /** What the OPEN reservations of a product at a location hold, read from the reservations themselves. */
    public static long heldByOpenReservations(String sku, String locationCode) {
        return queryLong("""
                select coalesce(sum(r.remaining), 0) from reservation r
                  join product p on p.id = r.product_id join location l on l.id = r.location_id
                 where p.sku = ? and l.code = ? and r.status = 'OPEN'""", sku, locationCode);
    }

    /** The status a reservation has in its table (the sweep's doing, not the view's). */
    public static String storedStatus(long reservation) {
        return queryString("select status from reservation where id = ?", reservation);
    }

    /** Levels whose reserved differs from their open reservations, or exceeds their on hand (0 when all is well). */
    public static long inconsistentReservations() {
        return queryLong("""
                select count(*) from stock_level s
                  left join (select product_id, location_id, sum(remaining) as held from reservation
                              where status = 'OPEN' group by product_id, location_id) r
                    on r.product_id = s.product_id and r.location_id = s.location_id
                 where s.reserved <> coalesce(r.held, 0) or s.reserved > s.on_hand or s.reserved < 0""");
    }

    /** The exact on-hand figure, for products counted in decimals. */
    public static BigDecimal onHandExact(String sku, String locationCode) {
        return queryDecimal(StockroomTestServer.database(), """
                select coalesce(sum(s.on_hand), 0) from stock_level s
                  join product p on p.id = s.product_id join location l on l.id = s.location_id
                 where p.sku = ? and l.code = ?""", sku, locationCode);
    }

    /** The exact sum of the ledger's deltas for a product at a location. */
    public static BigDecimal ledgerSumExact(String sku, String locationCode) {
        return queryDecimal(StockroomTestServer.database(), """
                select coalesce(sum(e.delta), 0) from stock_ledger_entry e
                  join product p on p.id = e.product_id join location l on l.id = e.location_id
                 where p.sku = ? and l.code = ?""", sku, locationCode);
    }

    /** What stock_lot_level says a location holds of a product's lot; 0 when there is no row. */
    public static BigDecimal lotOnHand(String sku, String locationCode, String lot) {
        return queryDecimal(StockroomTestServer.database(), """
                select coalesce(sum(ll.on_hand), 0) from stock_lot_level ll join lot l on l.id = ll.lot_id
                  join product p on p.id = l.product_id join location c on c.id = ll.location_id
                 where p.sku = ? and c.code = ? and l.lot_number = ?""", sku, locationCode, lot);
    }

    /** The sum of a product's lot levels at a location: a lot-tracked product's must equal its stock level. */
    public static BigDecimal lotsOnHand(String sku, String locationCode) {
        return queryDecimal(StockroomTestServer.database(), """
                select coalesce(sum(ll.on_hand), 0) from stock_lot_level ll
                  join product p on p.id = ll.product_id join location c on c.id = ll.location_id
                 where p.sku = ? and c.code = ?""", sku, locationCode);
    }

    /** The sum of the lot ledger's deltas (stock_lot_ledger_entry) for a product at a location. */
    public static BigDecimal lotLedgerSum(String sku, String locationCode) {
        return queryDecimal(StockroomTestServer.database(), """
                select coalesce(sum(e.delta), 0) from stock_lot_ledger_entry e
                  join product p on p.id = e.product_id join location c on c.id = e.location_id
                 where p.sku = ? and c.code = ?""", sku, locationCode);
    }

    /** How many lot levels anywhere are negative or disagree with the lot ledger: must always be 0. */
    public static long inconsistentLotLevels() {
        return queryLong("""
                select count(*) from stock_lot_level ll
                  full join (select lot_id, location_id, sum(delta) as total
                               from stock_lot_ledger_entry group by lot_id, location_id) e
                    on e.lot_id = ll.lot_id and e.location_id = ll.location_id
                 where coalesce(ll.on_hand, 0) <> coalesce(e.total, 0) or ll.on_hand < 0""");
    }

    /** One text value, e.g. an audit event's details; null when the query finds no row. */
    public static String queryText(String sql, Object... parameters) {
        try (Connection connection = StockroomTestServer.database().connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long queryLong(String sql, Object... parameters) {
        return queryLong(StockroomTestServer.database(), sql, parameters);
    }

    /** A whole number; a quantity with decimals fails loudly here rather than being cut to its integer part. */
    public static long queryLong(DatabaseCoordinates database, String sql, Object... parameters) {
        return queryDecimal(database, sql, parameters).longValueExact();
    }

    /** The first column of the first row as text; null when there is no row. */
    public static String queryString(String sql, Object... parameters) {
        try (Connection connection = StockroomTestServer.database().connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static BigDecimal queryDecimal(DatabaseCoordinates database, String sql, Object... parameters) {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                BigDecimal value = result.getBigDecimal(1);
                return value == null ? BigDecimal.ZERO : value;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
