package org.stockroom.auth.login;

import org.stockroom.security.Session;

/** A token just issued, and the session it opens. {@code toString} leaves the token out. */
public record IssuedToken(String token, Session session) {

    @Override
    public String toString() {
        return "IssuedToken[session=" + session + "]";
    }
}
