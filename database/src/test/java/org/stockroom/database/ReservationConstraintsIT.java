package org.stockroom.database;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
 * Reservations (V17) against the SQL a buggy client or script could send: a level never reserves
 * more than it holds nor less than nothing, its reserved equals its open reservations at commit, a
 * reservation holds between nothing and its quantity, closes once and is kept, and only an ISSUE of
 * its product out of its location draws on it. The ledger's own checks (V8) keep holding.
 */
class ReservationConstraintsIT {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private Connection connection;
    private long bolt;
    private long bin;

    @BeforeEach
    void tenBoltsInABin() throws SQLException {
        connection = database.connect();
        bolt = Fixtures.newProduct(connection);
        bin = Fixtures.newLocation(connection);
        inTransaction(connection, () -> Fixtures.receive(connection, bolt, bin, 10));
    }

    @Test
    void availableStockStillLeavesAndALinkCannotBeAddedToAMovementLater() throws SQLException {
        long reservation = reserve(4);
        inTransaction(connection, () -> Fixtures.issue(connection, bolt, bin, 6));
        long issue = Fixtures.count(connection, "select max(id) from stock_movement where product_id = " + bolt);

        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                "update stock_movement set reservation_id = ? where id = ?", reservation, issue));
        assertThat(reserved()).isEqualTo(4);
        assertThat(Fixtures.onHand(connection, bolt, bin)).isEqualTo(4);
    }

    @Test
    void anIssueDrawsOnItsReservationWithinOneTransaction() throws SQLException {
        long reservation = reserve(4);

        inTransaction(connection, () -> {
            insertIssue(3, reservation);
            execute(connection, "update reservation set remaining = remaining - 3 where id = ?", reservation);
            execute(connection, "update stock_level set on_hand = on_hand - 3, reserved = reserved - 3"
                    + " where product_id = ? and location_id = ?", bolt, bin);
        });

        assertThat(reserved()).isEqualTo(1);
        assertThat(Fixtures.onHand(connection, bolt, bin)).isEqualTo(7);
        assertThat(Fixtures.count(connection, "select count(*) from stock_movement where reservation_id = "
                + reservation)).isEqualTo(1);
    }

    @Test
    void reservedNeverExceedsOnHandNorGoesBelowZero() throws SQLException {
        assertRefused(CHECK_VIOLATION, "stock_level_reserved_within_on_hand", () -> execute(connection,
                "update stock_level set reserved = 11 where product_id = ? and location_id = ?", bolt, bin));
        assertRefused(CHECK_VIOLATION, "stock_level_reserved_not_negative", () -> execute(connection,
                "update stock_level set reserved = -1 where product_id = ? and location_id = ?", bolt, bin));
        reserve(8);
        // Issuing available stock beyond what is unreserved: on hand would fall below reserved.
        assertRefused(CHECK_VIOLATION, "stock_level_reserved_within_on_hand", () -> inTransaction(connection,
                () -> Fixtures.issue(connection, bolt, bin, 3)));
        assertThat(Fixtures.onHand(connection, bolt, bin)).isEqualTo(10);
    }

    @Test
    void atCommitReservedEqualsWhatTheOpenReservationsHold() throws SQLException {
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> execute(connection,
                "update stock_level set reserved = 2 where product_id = ? and location_id = ?", bolt, bin)));
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> insertReservation(2)));
        long reservation = reserve(5);
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> execute(connection,
                "update reservation set remaining = 0, status = 'RELEASED', closed_at = now() where id = ?",
                reservation)));

        inTransaction(connection, () -> {
            execute(connection, "update reservation set remaining = 0, status = 'RELEASED', closed_at = now()"
                    + " where id = ?", reservation);
            execute(connection, "update stock_level set reserved = 0 where product_id = ? and location_id = ?", bolt, bin);
        });
        assertThat(reserved()).isZero();
    }

    @Test
    void aReservationHoldsBetweenNothingAndItsQuantityAndOnlyWhileOpen() throws SQLException {
        long reservation = reserve(5);

        assertRefused(CHECK_VIOLATION, "reservation_remaining_within_quantity", () -> execute(connection,
                "update reservation set remaining = -1, status = 'RELEASED', closed_at = now() where id = ?", reservation));
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                "update reservation set remaining = 6 where id = ?", reservation));
        assertRefused(CHECK_VIOLATION, "reservation_holds_while_open", () -> execute(connection,
                "update reservation set remaining = 0 where id = ?", reservation));
        assertRefused(CHECK_VIOLATION, "reservation_holds_while_open", () -> execute(connection,
                "update reservation set status = 'CONSUMED', closed_at = now() where id = ?", reservation));
        assertRefused(CHECK_VIOLATION, () -> inTransaction(connection, () -> insertReservation(0)));
        assertRefused(CHECK_VIOLATION, "reservation_status_known", () -> execute(connection,
                "update reservation set status = 'LOST', remaining = 0, closed_at = now() where id = ?", reservation));
    }

    @Test
    void aReservationStartsOpenForAProductThatTakesStockInItsUnit() throws SQLException {
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection, """
                insert into reservation (product_id, location_id, reference, quantity, remaining, expires_at, created_by)
                values (?, ?, 'SO-1', 5, 3, now() + interval '1 day', 'test')""", bolt, bin));
        assertRefused(CHECK_VIOLATION, () -> inTransaction(connection, () -> insertReservation(1.5)));
        assertRefused(CHECK_VIOLATION, "reservation_expires_after_creation", () -> execute(connection, """
                insert into reservation (product_id, location_id, reference, quantity, remaining, expires_at, created_by)
                values (?, ?, 'SO-1', 1, 1, now() - interval '1 second', 'test')""", bolt, bin));
        long elsewhere = Fixtures.newLocation(connection);
        assertRefused(Refusals.FOREIGN_KEY_VIOLATION, () -> execute(connection, """
                insert into reservation (product_id, location_id, reference, quantity, remaining, expires_at, created_by)
                values (?, ?, 'SO-1', 1, 1, now() + interval '1 day', 'test')""", bolt, elsewhere));
    }

    @Test
    void aClosedReservationNeverChangesAndNoneIsDeleted() throws SQLException {
        long reservation = reserve(5);
        inTransaction(connection, () -> {
            execute(connection, "update reservation set remaining = 0, status = 'RELEASED', closed_at = now()"
                    + " where id = ?", reservation);
            execute(connection, "update stock_level set reserved = 0 where product_id = ? and location_id = ?", bolt, bin);
        });

        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                "update reservation set status = 'EXPIRED' where id = ?", reservation));
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                "delete from reservation where id = ?", reservation));
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection, "truncate reservation cascade"));
        long open = reserve(1);
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                "update reservation set quantity = 2, remaining = 2 where id = ?", open));
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                "update reservation set reference = 'OTHER' where id = ?", open));
        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection,
                "update reservation set expires_at = expires_at + interval '1 day' where id = ?", open));
    }

    @Test
    void aReservationExpiresOnlyOnceItsExpiryHasPassed() throws SQLException {
        long reservation = reserve(5);

        assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> inTransaction(connection, () -> {
            execute(connection, "update reservation set remaining = 0, status = 'EXPIRED', closed_at = now()"
                    + " where id = ?", reservation);
            execute(connection, "update stock_level set reserved = 0 where product_id = ? and location_id = ?", bolt, bin);
        }));
        assertThat(reserved()).isEqualTo(5);
    }

    @Test
    void onlyAnIssueOfItsProductOutOfItsLocationDrawsOnAReservation() throws SQLException {
        long reservation = reserve(4);
        long elsewhere = Fixtures.newLocation(connection);
        inTransaction(connection, () -> Fixtures.receive(connection, bolt, elsewhere, 5));
        long nut = Fixtures.newProduct(connection);
        inTransaction(connection, () -> Fixtures.receive(connection, nut, bin, 5));

        assertRefused(Refusals.FOREIGN_KEY_VIOLATION, () -> inTransaction(connection, () -> {
            insertMovement("ISSUE", bolt, elsewhere, null, 1, reservation);
            Fixtures.changeOnHand(connection, bolt, elsewhere, -1);
        }));
        assertRefused(Refusals.FOREIGN_KEY_VIOLATION, () -> inTransaction(connection, () -> {
            insertMovement("ISSUE", nut, bin, null, 1, reservation);
            Fixtures.changeOnHand(connection, nut, bin, -1);
        }));
        assertRefused(CHECK_VIOLATION, "stock_movement_reservation_of_issue", () -> inTransaction(connection, () -> {
            insertMovement("TRANSFER", bolt, bin, elsewhere, 1, reservation);
            Fixtures.changeOnHand(connection, bolt, bin, -1);
            Fixtures.changeOnHand(connection, bolt, elsewhere, 1);
        }));
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** A reservation of {@code quantity} bolts in the bin, with the level's reserved raised: committed. */
    private long reserve(int quantity) throws SQLException {
        long[] id = new long[1];
        inTransaction(connection, () -> {
            id[0] = insertReservation(quantity);
            execute(connection, "update stock_level set reserved = reserved + ? where product_id = ? and location_id = ?",
                    quantity, bolt, bin);
        });
        return id[0];
    }

    private long insertReservation(Number quantity) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into reservation (product_id, location_id, reference, quantity, remaining, expires_at, created_by)
                values (?, ?, 'SO-1', ?, ?, now() + interval '1 day', 'test') returning id""")) {
            insert.setLong(1, bolt);
            insert.setLong(2, bin);
            insert.setObject(3, new java.math.BigDecimal(quantity.toString()));
            insert.setObject(4, new java.math.BigDecimal(quantity.toString()));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void insertIssue(int quantity, long reservation) throws SQLException {
        insertMovement("ISSUE", bolt, bin, null, quantity, reservation);
    }

    private void insertMovement(String type, long product, Long from, Long to, int quantity, long reservation)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into stock_movement (movement_type, product_id, from_location_id, to_location_id, quantity,
                                            reason, recorded_by, reservation_id)
                values (?, ?, ?, ?, ?, null, 'test', ?)""")) {
            insert.setString(1, type);
            insert.setLong(2, product);
            insert.setObject(3, from);
            insert.setObject(4, to);
            insert.setInt(5, quantity);
            insert.setLong(6, reservation);
            insert.executeUpdate();
        }
    }

    private long reserved() throws SQLException {
        return Fixtures.count(connection, "select reserved from stock_level where product_id = " + bolt
                + " and location_id = " + bin);
    }
}
