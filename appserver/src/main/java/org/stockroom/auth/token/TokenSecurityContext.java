package org.stockroom.auth.token;

import jakarta.ws.rs.core.SecurityContext;
import org.stockroom.security.Role;
import org.stockroom.security.Session;

import java.security.Principal;

/**
 * The JAX-RS view of an authenticated request: the principal is the user name and
 * {@link #isUserInRole} follows the role ladder, so {@code isUserInRole("clerk")} is true for
 * a manager.
 */
record TokenSecurityContext(Session session, boolean secure) implements SecurityContext {

    static final String SCHEME = "Bearer";

    @Override
    public Principal getUserPrincipal() {
        return session::username;
    }

    @Override
    public boolean isUserInRole(String role) {
        return Role.known(role).map(session.role()::includes).orElse(false);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return SCHEME;
    }
}
