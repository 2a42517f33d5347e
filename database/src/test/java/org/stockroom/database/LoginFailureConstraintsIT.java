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

/** V9: failed log-ins, one window per scope and key, counted from 1. */
class LoginFailureConstraintsIT {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private static final String RECORD = "insert into login_failure (scope, key, failures) values (?, ?, ?)";

    @Test
    void aWindowIsKeptOncePerScopeAndKey() throws Exception {
        try (Connection connection = database.connect()) {
            String key = "127.0.0.9 " + Fixtures.uniqueCode("user");
            execute(connection, RECORD, "user_address", key, 1);
            execute(connection, RECORD, "address", key, 1);  // another scope: another window

            assertRefused(UNIQUE_VIOLATION, "login_failure_pkey", () -> execute(connection, RECORD, "user_address", key, 2));
            assertThat(count(connection, "select count(*) from login_failure where key = '" + key + "'")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"USER", "pair", "", "user_and_address"})
    void anUnknownScopeIsRefused(String scope) throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "login_failure_scope_known",
                    () -> execute(connection, RECORD, scope, Fixtures.uniqueCode("key"), 1));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void aWindowHoldsAtLeastOneFailure(int failures) throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "login_failure_failures_positive",
                    () -> execute(connection, RECORD, "user", Fixtures.uniqueCode("key"), failures));
        }
    }

    @Test
    void anEmptyOrOverlongKeyIsRefused() throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "login_failure_key_length", () -> execute(connection, RECORD, "user", "", 1));
            assertRefused(CHECK_VIOLATION, "login_failure_key_length",
                    () -> execute(connection, RECORD, "user", "k".repeat(201), 1));
            assertRefused(NOT_NULL_VIOLATION, () -> execute(connection, RECORD, "user", null, 1));
        }
    }

    @Test
    void aWindowStartsNowUnlessToldOtherwise() throws Exception {
        try (Connection connection = database.connect()) {
            String key = Fixtures.uniqueCode("key");
            execute(connection, RECORD, "address", key, 1);

            assertThat(count(connection, "select count(*) from login_failure where key = '" + key
                    + "' and window_started_at between now() - interval '1 minute' and now()")).isEqualTo(1);
        }
    }
}
