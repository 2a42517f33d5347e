package org.stockroom.client;

/**
 * 401: the server does not know who is asking. Either no token was sent (log in first), the
 * token sent is no longer valid (expired, revoked, or its user disabled: log in again), or,
 * from {@link Auth#logIn}, the user name or password was wrong.
 */
public final class NotAuthenticatedException extends ProblemException {

    private final boolean tokenSent;

    public NotAuthenticatedException(Problem problem, boolean tokenSent) {
        super(problem);
        this.tokenSent = tokenSent;
    }

    /**
     * Whether the request carried a bearer token, which the server then refused: the session
     * has ended and the user has to log in again. False when there was no token to send.
     */
    public boolean tokenSent() {
        return tokenSent;
    }
}
