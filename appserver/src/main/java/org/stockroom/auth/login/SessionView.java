package org.stockroom.auth.login;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.stockroom.security.Roles;
import org.stockroom.security.Session;

import java.time.Instant;

/** The answer to {@code GET /auth/me}. */
@Schema(description = "Who a bearer token stands for", properties = {
        @SchemaProperty(name = "role", enumeration = {Roles.VIEWER, Roles.CLERK, Roles.MANAGER, Roles.ADMIN})})
public record SessionView(String username, String role, Instant expiresAt) {

    static SessionView of(Session session) {
        return new SessionView(session.username(), session.role().value(), session.expiresAt());
    }
}
