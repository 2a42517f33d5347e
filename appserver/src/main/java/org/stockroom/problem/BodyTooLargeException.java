package org.stockroom.problem;

/** 413: the request body is larger than the server reads. */
public class BodyTooLargeException extends ApiException {

    public BodyTooLargeException(long maxBytes) {
        super(413, ProblemTypes.BODY_TOO_LARGE, "Request body too large",
                "The request body is larger than " + maxBytes + " bytes, the most this server reads");
        with("maxBytes", maxBytes);
    }
}
