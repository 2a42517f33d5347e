package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/**
 * The answer to a log-in ({@code POST /auth/token}): the bearer token, whose it is and until
 * when it is valid. The token is a secret; {@link #toString()} leaves it out.
 */
@JsonbPropertyOrder({"token", "tokenType", "username", "role", "expiresAt"})
public record IssuedToken(String token, String tokenType, String username, String role, Instant expiresAt) {

    /** Who the token belongs to, without the token. */
    public Session session() {
        return new Session(username, role, expiresAt);
    }

    @Override
    public String toString() {
        return "IssuedToken[tokenType=" + tokenType + ", username=" + username + ", role=" + role
                + ", expiresAt=" + expiresAt + "]";
    }
}
