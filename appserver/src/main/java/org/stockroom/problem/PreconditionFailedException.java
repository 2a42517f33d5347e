package org.stockroom.problem;

/** 412: an edit was based on a version that someone else has changed since. */
public class PreconditionFailedException extends ApiException {

    public PreconditionFailedException(String detail, String currentEtag) {
        super(412, ProblemTypes.EDIT_CONFLICT, "Edit conflict", detail);
        with("currentEtag", currentEtag);
    }
}
