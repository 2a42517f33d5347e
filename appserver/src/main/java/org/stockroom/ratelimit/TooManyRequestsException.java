package org.stockroom.ratelimit;

import org.stockroom.problem.ApiException;
import org.stockroom.problem.ProblemTypes;

/** 429: this client or user sent more requests than its rate limit allows; {@code Retry-After} says when to try again. */
public class TooManyRequestsException extends ApiException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String detail, long retryAfterSeconds) {
        super(429, ProblemTypes.TOO_MANY_REQUESTS, "Too many requests", detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    @Override
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
