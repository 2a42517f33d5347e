package org.stockroom.ratelimit;

import org.stockroom.problem.ApiException;
import org.stockroom.problem.ProblemTypes;

/**
 * 429: this client or user sent more requests than its rate limit allows, or too many log-ins failed
 * (auth.password.LoginThrottle); {@code Retry-After} says when to try again.
 */
public class TooManyRequestsException extends ApiException {

    public TooManyRequestsException(String detail, long retryAfterSeconds) {
        super(429, ProblemTypes.TOO_MANY_REQUESTS, "Too many requests", detail, retryAfterSeconds);
    }
}
