package org.stockroom.auth.login;

import org.stockroom.security.Session;

import java.time.Instant;

/** The answer to {@code POST /auth/token}: the token itself is shown here and nowhere else, ever. */
public record TokenView(String token, String tokenType, Instant expiresAt, String username, String role) {

    static TokenView of(IssuedToken issued) {
        Session session = issued.session();
        return new TokenView(issued.token(), "Bearer", session.expiresAt(), session.username(), session.role().value());
    }

    @Override
    public String toString() {
        return "TokenView[tokenType=Bearer, expiresAt=" + expiresAt + ", username=" + username + ", role=" + role + "]";
    }
}
