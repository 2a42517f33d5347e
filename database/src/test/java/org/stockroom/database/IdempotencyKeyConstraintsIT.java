package org.stockroom.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.database.Fixtures.count;
import static org.stockroom.database.Fixtures.execute;
import static org.stockroom.database.Refusals.CHECK_VIOLATION;
import static org.stockroom.database.Refusals.NOT_NULL_VIOLATION;
import static org.stockroom.database.Refusals.UNIQUE_VIOLATION;
import static org.stockroom.database.Refusals.assertRefused;

/** V4: the stored answers to keyed requests keep only what the server may replay. */
class IdempotencyKeyConstraintsIT {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private static final String FINGERPRINT = "a".repeat(64);
    private static final String STORE = """
            insert into idempotency_key (username, key, request_fingerprint, status, response_body, location, etag, expires_at)
            values ('clerk', ?, ?, ?, '{}', '/api/v1/locations/A-1', null, now() + interval '1 hour')""";

    @Test
    void aSuccessfulAnswerIsStoredOncePerUserAndKey() throws Exception {
        try (Connection connection = database.connect()) {
            String key = Fixtures.uniqueCode("key");
            execute(connection, STORE, key, FINGERPRINT, 201);

            assertRefused(UNIQUE_VIOLATION, "idempotency_key_pkey", () -> execute(connection, STORE, key, FINGERPRINT, 201));
            assertThat(count(connection, "select count(*) from idempotency_key where key = '" + key + "'")).isEqualTo(1);
        }
    }

    @Test
    void twoUsersMayEachStoreAnAnswerUnderTheSameKey() throws Exception {
        try (Connection connection = database.connect()) {
            String key = Fixtures.uniqueCode("key");
            execute(connection, STORE, key, FINGERPRINT, 201);
            execute(connection, STORE.replace("'clerk'", "'manager'"), key, FINGERPRINT, 201);

            assertThat(count(connection, "select count(*) from idempotency_key where key = '" + key + "'")).isEqualTo(2);
        }
    }

    @Test
    void anAnswerBelongsToAUser() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(NOT_NULL_VIOLATION, () -> execute(connection, STORE.replace("'clerk'", "null"),
                    Fixtures.uniqueCode("key"), FINGERPRINT, 201));
            assertRefused(CHECK_VIOLATION, "idempotency_key_username_not_blank", () -> execute(connection,
                    STORE.replace("'clerk'", "' '"), Fixtures.uniqueCode("key"), FINGERPRINT, 201));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {199, 300, 409, 422, 500})
    void anAnswerThatIsNoSuccessIsRefused(int status) throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "idempotency_key_status_success",
                    () -> execute(connection, STORE, Fixtures.uniqueCode("key"), FINGERPRINT, status));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tab\tkey", "caf\u00e9"})
    void aKeyTheServerWouldRefuseIsRefused(String key) throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "idempotency_key_format", () -> execute(connection, STORE, key, FINGERPRINT, 201));
        }
    }

    @Test
    void aKeyOf256CharactersIsRefused() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "idempotency_key_format",
                    () -> execute(connection, STORE, "k".repeat(256), FINGERPRINT, 201));
            execute(connection, STORE, "k".repeat(255), FINGERPRINT, 201);
        }
    }

    @Test
    void aFingerprintThatIsNoHexSha256IsRefused() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "idempotency_key_fingerprint_format",
                    () -> execute(connection, STORE, Fixtures.uniqueCode("key"), "not-a-digest", 201));
        }
    }

    @Test
    void anAnswerThatExpiresBeforeItWasStoredIsRefused() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "idempotency_key_expires_after_creation", () -> execute(connection, """
                    insert into idempotency_key (username, key, request_fingerprint, status, response_body, expires_at)
                    values ('clerk', ?, ?, 201, '{}', now())""", Fixtures.uniqueCode("key"), FINGERPRINT));
        }
    }
}
