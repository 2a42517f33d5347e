package org.stockroom.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.database.Fixtures.count;
import static org.stockroom.database.Fixtures.inTransaction;

/**
 * V14: a committed movement is announced with its id on the channel the app servers listen on,
 * and records its transaction and the horizon a resuming stream replays from, so that a movement
 * with a lower id that commits later is not lost to a client that resumes after a higher one.
 */
class MovementEventsIT {

    private static final String CHANNEL = "stockroom_movement";
    /** What a resuming stream replays after movement ?: written at or after its horizon. */
    private static final String REPLAY_AFTER = """
            select id from stock_movement
             where xact_id >= (select xact_horizon from stock_movement where id = ?)
             order by id""";

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private Connection listener;
    private long product;
    private long otherProduct;
    private long location;

    @BeforeEach
    void listenWithTwoProducts() throws SQLException {
        listener = database.connect();
        try (Statement statement = listener.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        try (Connection connection = database.connect()) {
            product = Fixtures.newProduct(connection);
            otherProduct = Fixtures.newProduct(connection);
            location = Fixtures.newLocation(connection);
        }
    }

    @AfterEach
    void close() throws SQLException {
        listener.close();
    }

    @Test
    void givenAMovement_whenCommitted_thenItsIdIsAnnouncedAfterTheCommitOnly() throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            long id = Fixtures.recordMovement(connection, "RECEIVE", product, null, location, 5, null);
            Fixtures.changeOnHand(connection, product, location, 5);
            assertThat(heard()).as("before the commit").isEmpty();
            connection.commit();

            assertThat(heard()).extracting(PGNotification::getParameter).containsExactly(Long.toString(id));
        }
    }

    @Test
    void givenTwoMovementsInOneTransaction_whenCommitted_thenBothAreAnnouncedInTheirOrder() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = database.connect()) {
            inTransaction(connection, () -> {
                ids.add(Fixtures.recordMovement(connection, "RECEIVE", product, null, location, 5, null));
                ids.add(Fixtures.recordMovement(connection, "RECEIVE", product, null, location, 2, null));
                Fixtures.changeOnHand(connection, product, location, 7);
            });
        }

        assertThat(heard()).extracting(PGNotification::getParameter)
                .containsExactly(Long.toString(ids.get(0)), Long.toString(ids.get(1)));
    }

    @Test
    void givenAMovement_whenRolledBack_thenNothingIsAnnounced() throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            Fixtures.recordMovement(connection, "RECEIVE", product, null, location, 5, null);
            Fixtures.changeOnHand(connection, product, location, 5);
            connection.rollback();

            assertThat(heard()).isEmpty();
        }
    }

    @Test
    void givenAnInsertThatSuppliesTheTransactionColumns_whenRecorded_thenTheDatabaseSetsThemItself() throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            long id;
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into stock_movement (movement_type, product_id, to_location_id, quantity, recorded_by,
                                                xact_id, xact_horizon)
                    values ('RECEIVE', ?, ?, 3, 'test', '1', '1') returning id""")) {
                insert.setLong(1, product);
                insert.setLong(2, location);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
            }
            Fixtures.changeOnHand(connection, product, location, 3);
            long transaction = count(connection, "select pg_current_xact_id()::text::bigint");
            connection.commit();

            assertThat(count(connection, "select xact_id::text::bigint from stock_movement where id = " + id))
                    .isEqualTo(transaction);
            assertThat(count(connection, "select xact_horizon::text::bigint from stock_movement where id = " + id))
                    .isGreaterThan(1).isLessThanOrEqualTo(transaction);
        }
    }

    /**
     * The case ids alone get wrong: A draws the lower id, B the higher, B commits first. A stream
     * that delivered B and then lost its connection resumes after B; replaying by id ("after B")
     * would never deliver A.
     */
    @Test
    void givenALowerIdThatCommitsAfterAHigherOne_whenReplayingAfterTheHigher_thenTheLowerIsReplayed() throws SQLException {
        try (Connection first = database.connect(); Connection second = database.connect()) {
            first.setAutoCommit(false);
            long lower = Fixtures.recordMovement(first, "RECEIVE", product, null, location, 1, null);
            Fixtures.changeOnHand(first, product, location, 1);

            long higher;
            second.setAutoCommit(false);
            higher = Fixtures.recordMovement(second, "RECEIVE", otherProduct, null, location, 1, null);
            Fixtures.changeOnHand(second, otherProduct, location, 1);
            second.commit();
            assertThat(higher).isGreaterThan(lower);
            assertThat(heard()).extracting(PGNotification::getParameter).containsExactly(Long.toString(higher));

            first.commit();
            assertThat(heard()).extracting(PGNotification::getParameter).containsExactly(Long.toString(lower));

            assertThat(replayAfter(higher)).as("replayed after the higher id, which was delivered first")
                    .contains(lower, higher);
        }
    }

    @Test
    void givenMovementsCommittedOneAfterAnother_whenReplayingAfterOne_thenOnlyItAndLaterOnesAreReplayed() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = database.connect()) {
            for (int i = 0; i < 3; i++) {
                inTransaction(connection, () -> {
                    ids.add(Fixtures.recordMovement(connection, "RECEIVE", product, null, location, 1, null));
                    Fixtures.changeOnHand(connection, product, location, 1);
                });
            }
        }

        // Nothing else ran alongside: no overlap but the movement itself.
        assertThat(replayAfter(ids.get(1))).containsExactly(ids.get(1), ids.get(2));
    }

    private List<Long> replayAfter(long id) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(REPLAY_AFTER)) {
            query.setLong(1, id);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    /** The notifications delivered to the listening session so far (waits up to 200 ms for the first). */
    private List<PGNotification> heard() throws SQLException {
        PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(200);
        return notifications == null ? List.of() : new ArrayList<>(List.of(notifications));
    }
}
