package org.stockroom.persistence;


import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;

import javax.transaction.xa.XAException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * What kind of PostgreSQL failure lies under an exception, read from its SQLSTATE
 * (https://www.postgresql.org/docs/current/errcodes-appendix.html) wherever it sits in
 * the cause chain: JPA, Hibernate and JTA each wrap it differently.
 */
public enum DatabaseFailure {
    /** 23505: a unique constraint refused a duplicate. */
    DUPLICATE_KEY,
    /** Any other class 23 refusal: a CHECK, foreign key or integrity trigger. */
    INTEGRITY_VIOLATION,
    /** 40001 serialization failure, 40P01 deadlock, 55P03 lock not available: worth a retry. */
    TRANSIENT_CONFLICT,
    /** Class 08 (connection), 57P0x (server shutting down), 53xxx (out of resources). */
    UNAVAILABLE,
    /** Anything else: a bug to look at. */
    OTHER;

    public static Optional<SQLException> sqlExceptionIn(Throwable failure) {
        return Causes.of(failure).stream()
                .filter(cause -> cause instanceof SQLException sql && sql.getSQLState() != null)
                .map(SQLException.class::cast)
                .findFirst();
    }

    /** The failure under {@code failure}, or empty when no SQL error caused it. */
    public static Optional<DatabaseFailure> of(Throwable failure) {
        Optional<DatabaseFailure> classified = sqlExceptionIn(failure).map(sql -> classify(sql.getSQLState()));
        if (classified.isPresent()) {
            return classified;
        }
        // Without a SQLSTATE: the pool's "no connection within the timeout", and a commit whose
        // connection broke midway, which the transaction manager reports as a heuristic outcome.
        return Causes.of(failure).stream()
                .filter(cause -> cause instanceof SQLTransientConnectionException
                        || cause instanceof HeuristicMixedException
                        || cause instanceof HeuristicRollbackException
                        || cause instanceof XAException)
                .findFirst()
                .map(unavailable -> UNAVAILABLE);
    }

    /**
     * Whether a failure certainly left nothing committed, so that the whole transaction may
     * be run again: PostgreSQL aborted it (serialization failure, deadlock, lock timeout), or
     * no connection was ever had (the pool's timeout, a refused connect). A connection lost
     * in the middle is not: the commit may have reached the server before the loss.
     */
    public static boolean isSafeToRetry(Throwable failure) {
        if (of(failure).orElse(OTHER) == TRANSIENT_CONFLICT) {
            return true;
        }
        return Causes.of(failure).stream().anyMatch(cause -> cause instanceof SQLTransientConnectionException
                || cause instanceof SQLException sql && sql.getSQLState() != null
                   && (sql.getSQLState().equals("08001") || sql.getSQLState().equals("08004")));
    }

    static DatabaseFailure classify(String sqlState) {
        if (sqlState.equals("23505")) {
            return DUPLICATE_KEY;
        }
        if (sqlState.startsWith("23")) {
            return INTEGRITY_VIOLATION;
        }
        if (sqlState.equals("40001") || sqlState.equals("40P01") || sqlState.equals("55P03")) {
            return TRANSIENT_CONFLICT;
        }
        if (sqlState.startsWith("08") || sqlState.startsWith("57P0") || sqlState.startsWith("53")) {
            return UNAVAILABLE;
        }
        return OTHER;
    }
}
