package org.stockroom.auth.login;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.stockroom.security.Roles;
import org.stockroom.security.Session;

import java.time.Instant;

/** The answer to {@code POST /auth/token}: the token itself is shown here and nowhere else, ever. */
@Schema(description = "A bearer token, shown in this answer only", properties = {
        @SchemaProperty(name = "token", description = "Send as 'Authorization: Bearer <token>'"),
        @SchemaProperty(name = "tokenType", enumeration = "Bearer"),
        @SchemaProperty(name = "expiresAt", description = "Valid until then, unless logged out before"),
        @SchemaProperty(name = "role", enumeration = {Roles.VIEWER, Roles.CLERK, Roles.MANAGER, Roles.ADMIN})})
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
