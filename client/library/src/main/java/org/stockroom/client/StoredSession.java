package org.stockroom.client;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.stockroom.client.model.IssuedToken;

import java.net.URI;
import java.time.Instant;

/**
 * A log-in kept between runs by {@link SessionStore}: the server it is for, whose it is, and the
 * bearer token. The token is a secret; {@link #toString()} leaves it out.
 *
 * @param server the server's root as {@link StockroomClient#serverRoot(String)} spells it
 */
@JsonbPropertyOrder({"server", "username", "role", "token", "expiresAt"})
public record StoredSession(String server, String username, String role, String token, Instant expiresAt) {

    public static StoredSession of(URI server, IssuedToken issued) {
        return new StoredSession(server.toString(), issued.username(), issued.role(), issued.token(),
                issued.expiresAt());
    }

    /** Whether the token has expired by {@code now}; the server will refuse it then. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "StoredSession[server=" + server + ", username=" + username + ", role=" + role
                + ", expiresAt=" + expiresAt + "]";
    }
}
