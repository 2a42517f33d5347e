package org.stockroom.problem;

/**
 * 401: the request carries no credentials the server accepts. The answer challenges the
 * client with {@code WWW-Authenticate} (RFC 9110 section 11.6.1), as a 401 must.
 */
public class UnauthorizedException extends ApiException {

    /** The one scheme and realm this API accepts: an opaque bearer token (RFC 6750). */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"stockroom\"";

    public UnauthorizedException(String detail) {
        super(401, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail);
    }

    /** The value of the {@code WWW-Authenticate} header. */
    public String challenge() {
        return BEARER_CHALLENGE;
    }
}
