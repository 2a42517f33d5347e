package org.stockroom.idempotency;

import org.stockroom.problem.ApiException;
import org.stockroom.problem.ProblemTypes;

/** 422: the {@code Idempotency-Key} was already used for a request with a different payload. */
public class IdempotencyKeyReusedException extends ApiException {

    public IdempotencyKeyReusedException() {
        super(422, ProblemTypes.IDEMPOTENCY_KEY_REUSED, "Idempotency key reused",
                "This Idempotency-Key was already used for a different request; use a new key for a new request");
    }
}
