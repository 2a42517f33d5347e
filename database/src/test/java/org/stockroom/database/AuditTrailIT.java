package org.stockroom.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.database.Fixtures.changeOnHand;
import static org.stockroom.database.Fixtures.count;
import static org.stockroom.database.Fixtures.execute;
import static org.stockroom.database.Fixtures.inTransaction;
import static org.stockroom.database.Refusals.CHECK_VIOLATION;
import static org.stockroom.database.Refusals.INTEGRITY_CONSTRAINT_VIOLATION;
import static org.stockroom.database.Refusals.NOT_NULL_VIOLATION;
import static org.stockroom.database.Refusals.assertRefused;

/** V6: an append-only audit trail, and every new movement names who recorded it. */
class AuditTrailIT {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private static final String RECORD = """
            insert into audit_event (username, action, subject_type, subject_key, details)
            values (?, ?, 'product', ?, cast(? as jsonb)) returning id""";

    @Test
    void anEventIsRecordedWithItsTimeAndDetails() throws Exception {
        try (Connection connection = database.connect()) {
            long id = record(connection, "clerk-1", "product.created", Fixtures.uniqueCode("SKU"), "{\"name\":\"Bolt\"}");

            try (var query = connection.prepareStatement(
                    "select occurred_at is not null, details ->> 'name' from audit_event where id = ?")) {
                query.setLong(1, id);
                try (ResultSet row = query.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getBoolean(1)).isTrue();
                    assertThat(row.getString(2)).isEqualTo("Bolt");
                }
            }
        }
    }

    @Test
    void anEventCanBeNeitherChangedNorDeleted() throws Exception {
        try (Connection connection = database.connect()) {
            long id = record(connection, "manager-1", "product.archived", Fixtures.uniqueCode("SKU"), "{}");

            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION,
                    () -> execute(connection, "update audit_event set username = 'someone-else' where id = ?", id));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection, "delete from audit_event where id = ?", id));
            assertRefused(INTEGRITY_CONSTRAINT_VIOLATION, () -> execute(connection, "truncate audit_event"));

            assertThat(count(connection, "select count(*) from audit_event where id = " + id + " and username = 'manager-1'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void anEventNamesAUser() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(NOT_NULL_VIOLATION, () -> record(connection, null, "product.created", "SKU-1", "{}"));
            assertRefused(CHECK_VIOLATION, "audit_event_username_not_blank",
                    () -> record(connection, "  ", "product.created", "SKU-1", "{}"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "created", "Product.Created", "product.", "product created"})
    void anActionThatIsNotDottedLowerCaseWordsIsRefused(String action) throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "audit_event_action_format",
                    () -> record(connection, "admin", action, "SKU-1", "{}"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"text\"", "42", "null"})
    void detailsThatAreNoJsonObjectAreRefused(String details) throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "audit_event_details_object",
                    () -> record(connection, "admin", "product.created", "SKU-1", details));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aMovementWithABlankRecordedByIsRefused(String recordedBy) throws Exception {
        try (Connection connection = database.connect()) {
            long product = Fixtures.newProduct(connection);
            long location = Fixtures.newLocation(connection);
            assertRefused(CHECK_VIOLATION, "stock_movement_recorded_by_required", () -> receiveRecordedBy(
                    connection, product, location, recordedBy));
        }
    }

    @Test
    void aMovementWithoutRecordedByIsRefused() throws Exception {
        try (Connection connection = database.connect()) {
            long product = Fixtures.newProduct(connection);
            long location = Fixtures.newLocation(connection);
            assertRefused(CHECK_VIOLATION, "stock_movement_recorded_by_required",
                    () -> receiveRecordedBy(connection, product, location, null));
            assertThat(count(connection, "select count(*) from stock_movement where product_id = " + product)).isZero();
        }
    }

    /** Movements from before V6 have no recorded_by; the migration must keep them and still succeed. */
    @Test
    void olderMovementsWithoutRecordedByAndOlderIdempotencyKeysSurviveTheMigrationAsDocumented() throws Exception {
        try (EmbeddedDatabase server = EmbeddedDatabase.startTemporary()) {
            DatabaseCoordinates coordinates = server.coordinates();
            MigratedDatabase.migrateUpTo(coordinates, "5");
            try (Connection connection = coordinates.connect()) {
                long product = Fixtures.newProduct(connection);
                long location = Fixtures.newLocation(connection);
                inTransaction(connection, () -> {
                    receiveRecordedBy(connection, product, location, null);
                    changeOnHand(connection, product, location, 5);
                });
                execute(connection, """
                        insert into idempotency_key (key, request_fingerprint, status, response_body, expires_at)
                        values ('old-key', ?, 201, '{}', now() + interval '1 hour')""", "a".repeat(64));

                assertThat(DatabaseMigrations.migrate(coordinates)).isPositive();

                assertThat(count(connection, "select count(*) from stock_movement where recorded_by is null")).isEqualTo(1);
                // Whose answer it was is unknown, so it is replayed to no one.
                assertThat(count(connection, "select count(*) from idempotency_key")).isZero();
                assertRefused(CHECK_VIOLATION, "stock_movement_recorded_by_required",
                        () -> receiveRecordedBy(connection, product, location, null));
            }
        }
    }

    private static long record(Connection connection, String username, String action, String subjectKey, String details)
            throws SQLException {
        try (var insert = connection.prepareStatement(RECORD)) {
            insert.setString(1, username);
            insert.setString(2, action);
            insert.setString(3, subjectKey);
            insert.setString(4, details);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void receiveRecordedBy(Connection connection, long product, long location, String recordedBy)
            throws SQLException {
        execute(connection, """
                insert into stock_movement (movement_type, product_id, to_location_id, quantity, recorded_by)
                values ('RECEIVE', ?, ?, 5, ?)""", product, location, recordedBy);
    }
}
