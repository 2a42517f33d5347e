package org.stockroom.problem;

/** 400: the request cannot be read at all (broken JSON, a cursor we did not issue). */
public class BadRequestException extends ApiException {

    public BadRequestException(String detail) {
        super(400, ProblemTypes.MALFORMED_REQUEST, "Malformed request", detail);
    }
}
