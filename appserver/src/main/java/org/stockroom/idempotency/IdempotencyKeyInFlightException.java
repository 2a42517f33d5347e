package org.stockroom.idempotency;

import org.stockroom.problem.ConflictException;
import org.stockroom.problem.ProblemTypes;

/** 409: a request with the same {@code Idempotency-Key} is still being answered. */
public class IdempotencyKeyInFlightException extends ConflictException {

    public IdempotencyKeyInFlightException() {
        super(ProblemTypes.IDEMPOTENCY_KEY_IN_FLIGHT, "Idempotency key in flight",
                "A request with the same Idempotency-Key is still being processed; retry it shortly");
    }
}
