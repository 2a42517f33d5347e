package org.stockroom.problem;

/** 428: an edit must say which version it was based on, so no one overwrites a change unseen. */
public class PreconditionRequiredException extends ApiException {

    public PreconditionRequiredException(String detail) {
        super(428, ProblemTypes.PRECONDITION_REQUIRED, "Precondition required", detail);
    }
}
