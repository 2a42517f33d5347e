package org.stockroom.resilience;

import org.stockroom.problem.ApiException;
import org.stockroom.problem.ProblemTypes;

/** 503: the database cannot take the request now; the client may try again after a while. */
public class DatabaseUnavailableException extends ApiException {

    public DatabaseUnavailableException(String detail, long retryAfterSeconds) {
        super(503, ProblemTypes.DATABASE_UNAVAILABLE, "Database unavailable", detail, retryAfterSeconds);
    }
}
