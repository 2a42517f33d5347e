package org.stockroom.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import static org.stockroom.database.Refusals.UNIQUE_VIOLATION;
import static org.stockroom.database.Refusals.assertRefused;

/**
 * Lots and expiry (V16) against the SQL a buggy client or script could send: lot levels move
 * only with the lots of a new movement and never below zero, a lot-tracked product's lots add up
 * to its stock level at commit, lots and the lot ledger never change.
 */
class LotConstraintsIT {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private Connection connection;
    private long milk;
    private long main;
    private long shop;
    private long early;
    private long late;

    @BeforeEach
    void aLotTrackedProductWithTwoLotsAtTwoLocations() throws SQLException {
        connection = database.connect();
        milk = trackedProduct();
        main = Fixtures.newLocation(connection);
        shop = Fixtures.newLocation(connection);
        early = lot(milk, "EARLY", "2027-01-31");
        late = lot(milk, "LATE", "2027-03-31");
    }

    @Test
    void aMovementsLotsMoveTheLotLevelsAndTheLotLedgerEqualsThem() throws SQLException {
        inTransaction(connection, () -> {
            long receipt = movement("RECEIVE", milk, null, main, "10");
            movementLot(receipt, early, "6");
            movementLot(receipt, late, "4");
            Fixtures.changeOnHand(connection, milk, main, 10);
        });
        inTransaction(connection, () -> {
            long issue = movement("ISSUE", milk, main, null, "7");
            movementLot(issue, early, "6");
            movementLot(issue, late, "1");
            Fixtures.changeOnHand(connection, milk, main, -7);
        });
        inTransaction(connection, () -> {
            long transfer = movement("TRANSFER", milk, main, shop, "2");
            movementLot(transfer, late, "2");
            Fixtures.changeOnHand(connection, milk, main, -2);
            Fixtures.changeOnHand(connection, milk, shop, 2);
        });
        inTransaction(connection, () -> {
            long adjust = movement("ADJUST", milk, null, shop, "-1", "count");
            movementLot(adjust, late, "-1");
            Fixtures.changeOnHand(connection, milk, shop, -1);
        });

        assertThat(lotOnHand(early, main)).isEqualByComparingTo("0");
        assertThat(lotOnHand(late, main)).isEqualByComparingTo("1");
        assertThat(lotOnHand(late, shop)).isEqualByComparingTo("1");
        assertThat(Fixtures.count(connection, """
                select count(*) from stock_lot_level ll
                  full join (select lot_id, location_id, sum(delta) as total from stock_lot_ledger_entry
                              group by lot_id, location_id) e on e.lot_id = ll.lot_id and e.location_id = ll.location_id
                 where coalesce(ll.on_hand, 0) <> coalesce(e.total, 0)""")).isZero();
    }

    @Test
    void lotLevelsCannotBeWrittenDirectly() throws SQLException {
        receive(early, main, "5");

        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                "update stock_lot_level set on_hand = 50 where lot_id = ?", early));
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                "delete from stock_lot_level where lot_id = ?", early));
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                "insert into stock_lot_level (lot_id, location_id, product_id, on_hand) values (?, ?, ?, 5)",
                late, main, milk));
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection, "truncate stock_lot_level cascade"));
        assertThat(lotOnHand(early, main)).isEqualByComparingTo("5");
    }

    @Test
    void aLotLevelNeverGoesNegative() throws SQLException {
        receive(early, main, "2");
        receive(late, main, "5");

        assertRefused(CHECK_VIOLATION, "stock_lot_level_on_hand_not_negative", () -> inTransaction(connection, () -> {
            long issue = movement("ISSUE", milk, main, null, "3");
            movementLot(issue, early, "3");
            Fixtures.changeOnHand(connection, milk, main, -3);
        }));
        // A lot the location never held: its first row would start below zero.
        assertRefused(CHECK_VIOLATION, "stock_lot_level_on_hand_not_negative", () -> inTransaction(connection, () -> {
            long issue = movement("ISSUE", milk, shop, null, "1");
            movementLot(issue, early, "1");
        }));
        assertThat(lotOnHand(early, main)).isEqualByComparingTo("2");
    }

    @Test
    void atCommitATrackedProductsStockIsAllInLots() throws SQLException {
        receive(early, main, "5");

        // An issue that names no lot: the stock level falls, the lots do not.
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> {
            movement("ISSUE", milk, main, null, "1");
            Fixtures.changeOnHand(connection, milk, main, -1);
        }));
        // A receipt whose lots add up to less than it received.
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> {
            long receipt = movement("RECEIVE", milk, null, main, "3");
            movementLot(receipt, late, "2");
            Fixtures.changeOnHand(connection, milk, main, 3);
        }));
        // Two receipts whose wrong lots make up for each other at the location: each movement's must add up.
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> {
            long first = movement("RECEIVE", milk, null, main, "3");
            movementLot(first, late, "2");
            long second = movement("RECEIVE", milk, null, main, "3");
            movementLot(second, late, "4");
            Fixtures.changeOnHand(connection, milk, main, 6);
        }));
        assertThat(lotOnHand(early, main)).isEqualByComparingTo("5");
        assertThat(Fixtures.onHand(connection, milk, main)).isEqualTo(5);
    }

    @Test
    void anUntrackedProductHasNoLots() throws SQLException {
        long bolt = Fixtures.newProduct(connection);

        assertRefused(CHECK_VIOLATION, () -> lot(bolt, "B1", null));
        // Nor do its movements move another product's lots.
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> {
            long receipt = movement("RECEIVE", bolt, null, main, "1");
            movementLot(receipt, early, "1");
            Fixtures.changeOnHand(connection, bolt, main, 1);
        }));
        inTransaction(connection, () -> Fixtures.receive(connection, bolt, main, 4));
        assertThat(Fixtures.onHand(connection, bolt, main)).isEqualTo(4);
    }

    @Test
    void theLotsOfAMovementAreRecordedWithItInItsTransactionOnly() throws SQLException {
        long receipt = receive(early, main, "5");

        // Later, another transaction adds a lot to that receipt and the stock to match.
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> {
            movementLot(receipt, late, "5");
            Fixtures.changeOnHand(connection, milk, main, 5);
        }));
        assertThat(lotOnHand(late, main)).isEqualByComparingTo("0");
    }

    @Test
    void aLotQuantityHasTheMovementsSignAndTheProductsPlaces() throws SQLException {
        receive(early, main, "5");

        assertRefused(CHECK_VIOLATION, () -> inTransaction(connection, () -> {
            long adjust = movement("ADJUST", milk, null, main, "-2", "count");
            movementLot(adjust, early, "2");
        }));
        assertRefused(CHECK_VIOLATION, () -> inTransaction(connection, () -> {
            long issue = movement("ISSUE", milk, main, null, "1");
            movementLot(issue, early, "0.5");
        }));
        assertRefused(CHECK_VIOLATION, () -> inTransaction(connection, () -> {
            long issue = movement("ISSUE", milk, main, null, "1");
            movementLot(issue, early, "0");
        }));
    }

    @Test
    void lotsAndTheLotLedgerNeverChange() throws SQLException {
        long receipt = receive(early, main, "5");

        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                "update lot set expires_on = '2030-01-01' where id = ?", early));
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection, "delete from lot where id = ?", late));
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection, "truncate lot cascade"));
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                "update stock_movement_lot set quantity = 1 where movement_id = ?", receipt));
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                "delete from stock_movement_lot where movement_id = ?", receipt));
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection, "truncate stock_movement_lot"));
    }

    @Test
    void aLotNumberIsUniquePerProductAndWellFormed() throws SQLException {
        assertRefused(UNIQUE_VIOLATION, () -> lot(milk, "EARLY", null));
        assertRefused(CHECK_VIOLATION, "lot_number_format", () -> lot(milk, " L1", null));
        assertRefused(CHECK_VIOLATION, "lot_number_format", () -> lot(milk, "L 1", null));
        long cream = trackedProduct();
        lot(cream, "EARLY", null);  // another product's lot may have the same number
    }

    @Test
    void lotTrackingSwitchesOnlyWithoutStock() throws SQLException {
        receive(early, main, "5");

        assertRefused(CHECK_VIOLATION, () -> execute(connection,
                "update product set lot_tracked = false where id = ?", milk));

        inTransaction(connection, () -> {
            long issue = movement("ISSUE", milk, main, null, "5");
            movementLot(issue, early, "5");
            Fixtures.changeOnHand(connection, milk, main, -5);
        });
        assertThat(execute(connection, "update product set lot_tracked = false where id = ?", milk)).isOne();
        // Untracked now, it takes stock without lots.
        inTransaction(connection, () -> Fixtures.receive(connection, milk, main, 2));
        assertThat(Fixtures.onHand(connection, milk, main)).isEqualTo(2);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private long trackedProduct() throws SQLException {
        long product = Fixtures.newProduct(connection);
        execute(connection, "update product set lot_tracked = true where id = ?", product);
        return product;
    }

    private long lot(long product, String number, String expiresOn) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into lot (product_id, lot_number, expires_on) values (?, ?, ?::date) returning id")) {
            insert.setLong(1, product);
            insert.setString(2, number);
            insert.setString(3, expiresOn);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** A receipt of {@code quantity} of the lot's product into the lot, committed; its movement id. */
    private long receive(long lot, long location, String quantity) throws SQLException {
        long[] id = new long[1];
        inTransaction(connection, () -> {
            id[0] = movement("RECEIVE", milk, null, location, quantity);
            movementLot(id[0], lot, quantity);
            Fixtures.changeOnHand(connection, milk, location, new BigDecimal(quantity).longValueExact());
        });
        return id[0];
    }

    private long movement(String type, long product, Long from, Long to, String quantity) throws SQLException {
        return movement(type, product, from, to, quantity, null);
    }

    private long movement(String type, long product, Long from, Long to, String quantity, String reason)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into stock_movement (movement_type, product_id, from_location_id, to_location_id,
                                            quantity, reason, recorded_by)
                values (?, ?, ?, ?, ?, ?, 'test') returning id""")) {
            insert.setString(1, type);
            insert.setLong(2, product);
            insert.setObject(3, from);
            insert.setObject(4, to);
            insert.setBigDecimal(5, new BigDecimal(quantity));
            insert.setString(6, reason);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void movementLot(long movement, long lot, String quantity) throws SQLException {
        execute(connection, "insert into stock_movement_lot (movement_id, lot_id, quantity) values (?, ?, ?)",
                movement, lot, new BigDecimal(quantity));
    }

    private BigDecimal lotOnHand(long lot, long location) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select coalesce(max(on_hand), 0) from stock_lot_level where lot_id = ? and location_id = ?")) {
            query.setLong(1, lot);
            query.setLong(2, location);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBigDecimal(1);
            }
        }
    }
}
