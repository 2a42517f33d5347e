package org.stockroom.auth.login;

import org.stockroom.security.Session;

import java.time.Instant;

/** The answer to {@code GET /auth/me}. */
public record SessionView(String username, String role, Instant expiresAt) {

    static SessionView of(Session session) {
        return new SessionView(session.username(), session.role().value(), session.expiresAt());
    }
}
