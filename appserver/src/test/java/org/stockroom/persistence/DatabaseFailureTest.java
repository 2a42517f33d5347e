package org.stockroom.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailureTest {

    @ParameterizedTest(name = "SQLSTATE {0} is {1}")
    @CsvSource({
            "23505, DUPLICATE_KEY",         // unique_violation
            "23514, INTEGRITY_VIOLATION",   // check_violation
            "23503, INTEGRITY_VIOLATION",   // foreign_key_violation
            "23000, INTEGRITY_VIOLATION",   // integrity_constraint_violation
            "40001, TRANSIENT_CONFLICT",    // serialization_failure
            "40P01, TRANSIENT_CONFLICT",    // deadlock_detected
            "55P03, TRANSIENT_CONFLICT",    // lock_not_available
            "08006, UNAVAILABLE",           // connection_failure
            "08001, UNAVAILABLE",           // sqlclient_unable_to_establish_sqlconnection
            "57P01, UNAVAILABLE",           // admin_shutdown
            "53300, UNAVAILABLE",           // too_many_connections
            "42703, OTHER",                 // undefined_column
            "40002, OTHER",                 // transaction_integrity_constraint_violation: not a retry
            "55000, OTHER",                 // object_not_in_prerequisite_state: not a lock
    })
    void givenASqlState_whenClassified_thenItFallsInItsKind(String sqlState, DatabaseFailure kind) {
        assertThat(DatabaseFailure.classify(sqlState)).isEqualTo(kind);
    }

    @Test
    void givenASqlExceptionDeepInTheCauseChain_whenClassified_thenItIsFound() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        Throwable wrapped = new RuntimeException("transaction rolled back",
                new IllegalStateException("could not execute statement",
                        new RuntimeException("constraint violation", duplicate)));

        assertThat(DatabaseFailure.of(wrapped)).contains(DatabaseFailure.DUPLICATE_KEY);
        assertThat(DatabaseFailure.sqlExceptionIn(wrapped)).containsSame(duplicate);
    }

    @Test
    void givenAnOuterSqlExceptionWithoutState_whenClassified_thenTheInnerStateCounts() {
        SQLException deadlock = new SQLException("deadlock detected", "40P01");
        Throwable wrapped = new RuntimeException(new SQLException("batch failed", null, deadlock));

        assertThat(DatabaseFailure.of(wrapped)).contains(DatabaseFailure.TRANSIENT_CONFLICT);
        assertThat(DatabaseFailure.sqlExceptionIn(wrapped)).containsSame(deadlock);
    }

    @Test
    void givenThePoolsTimeoutWithoutSqlState_whenClassified_thenTheDatabaseIsUnavailable() {
        Throwable wrapped = new RuntimeException("could not open connection",
                new SQLTransientConnectionException("stockroom - Connection is not available, request timed out"));

        assertThat(DatabaseFailure.of(wrapped)).contains(DatabaseFailure.UNAVAILABLE);
        assertThat(DatabaseFailure.sqlExceptionIn(wrapped)).isEmpty();
    }

    @Test
    void givenAFailureWithoutSqlCause_whenClassified_thenThereIsNoDatabaseFailure() {
        Throwable failure = new IllegalStateException("a bug", new NullPointerException());

        assertThat(DatabaseFailure.of(failure)).isEmpty();
    }

    @Test
    void givenASqlExceptionWithoutAnyState_whenClassified_thenThereIsNoDatabaseFailure() {
        assertThat(DatabaseFailure.of(new SQLException("no state"))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void givenACyclicCauseChain_whenClassified_thenItEndsWithoutADatabaseFailure() {
        RuntimeException a = new RuntimeException("a");
        a.initCause(new RuntimeException("b", a));
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                () -> assertThat(DatabaseFailure.of(a)).isEmpty());
    }

    @org.junit.jupiter.api.Test
    void givenACommitWhoseConnectionBroke_whenClassified_thenTheDatabaseIsUnavailableButARetryIsNotSafe() {
        RuntimeException failure = new RuntimeException("commit", new jakarta.transaction.HeuristicMixedException());

        assertThat(DatabaseFailure.of(failure)).contains(DatabaseFailure.UNAVAILABLE);
        assertThat(DatabaseFailure.isSafeToRetry(failure)).isFalse();
    }
}
