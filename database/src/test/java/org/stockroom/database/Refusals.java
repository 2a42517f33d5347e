package org.stockroom.database;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Asserts that PostgreSQL refused something, and with which SQLSTATE. */
final class Refusals {

    static final String UNIQUE_VIOLATION = "23505";
    static final String CHECK_VIOLATION = "23514";
    static final String FOREIGN_KEY_VIOLATION = "23503";
    static final String NOT_NULL_VIOLATION = "23502";
    /** What the schema's triggers raise for rules that no built-in constraint expresses. */
    static final String INTEGRITY_CONSTRAINT_VIOLATION = "23000";

    private Refusals() {
    }

    static PSQLException assertRefused(String sqlState, ThrowingCallable action) {
        Throwable thrown = catchThrowable(action);
        assertThat(thrown)
                .as("PostgreSQL should have refused with SQLSTATE %s", sqlState)
                .isInstanceOf(PSQLException.class);
        PSQLException refusal = (PSQLException) thrown;
        assertThat(refusal.getSQLState()).as(refusal.getMessage()).isEqualTo(sqlState);
        return refusal;
    }

    /** Also checks which named constraint refused. */
    static PSQLException assertRefused(String sqlState, String constraint, ThrowingCallable action) {
        PSQLException refusal = assertRefused(sqlState, action);
        ServerErrorMessage detail = refusal.getServerErrorMessage();
        assertThat(detail).isNotNull();
        assertThat(detail.getConstraint()).as(refusal.getMessage()).isEqualTo(constraint);
        return refusal;
    }
}
