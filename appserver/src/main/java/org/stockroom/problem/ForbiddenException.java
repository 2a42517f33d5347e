package org.stockroom.problem;

/** 403: the server knows who is asking, and that user's role may not do this. */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String detail) {
        super(403, ProblemTypes.FORBIDDEN, "Forbidden", detail);
    }
}
