package org.stockroom.problem;

/**
 * 401: the request carries no credentials the server accepts. The answer challenges the
 * client with {@code WWW-Authenticate} (RFC 9110 section 11.6.1), as a 401 must.
 */
public class UnauthorizedException extends ApiException {

    /** The one scheme and realm this API accepts: an opaque bearer token (RFC 6750). */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"stockroom\"";

    private boolean invalidToken;

    public UnauthorizedException(String detail) {
        super(401, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail);
    }

    /**
     * Marks that the request did send a token, which is not valid: the challenge then says
     * {@code error="invalid_token"} (RFC 6750 section 3.1), so a client knows to log in again.
     */
    public UnauthorizedException invalidToken() {
        this.invalidToken = true;
        return this;
    }

    /** The value of the {@code WWW-Authenticate} header. */
    public String challenge() {
        return invalidToken ? BEARER_CHALLENGE + ", error=\"invalid_token\"" : BEARER_CHALLENGE;
    }
}
