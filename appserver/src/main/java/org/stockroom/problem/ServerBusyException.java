package org.stockroom.problem;

/**
 * 503: the server is at its limit of some costly work (password checks) and refuses more at
 * once rather than queue it without bound; the client may try again after {@code Retry-After}.
 */
public class ServerBusyException extends ApiException {

    public ServerBusyException(String detail, long retryAfterSeconds) {
        super(503, ProblemTypes.SERVER_BUSY, "Server busy", detail, retryAfterSeconds);
    }
}
