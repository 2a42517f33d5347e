package org.stockroom.auth.token;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.stockroom.problem.UnauthorizedException;
import org.stockroom.security.CurrentUser;
import org.stockroom.security.Session;

/**
 * Finds who sent a request from its {@code Authorization: Bearer} header. A request without
 * the header goes on anonymous, and {@link AuthorizationFilter} decides whether the endpoint
 * allows that; a header with a token that is malformed, unknown, expired or revoked is a 401
 * at once, even on an open endpoint, so that a client learns its token is dead.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    public static final String TOKEN_NOT_VALID =
            "The bearer token is unknown, expired or revoked; log in again (POST /api/v1/auth/token)";

    private final TokenAuthenticator authenticator;
    private final CurrentUser currentUser;

    @Inject
    public AuthenticationFilter(TokenAuthenticator authenticator, CurrentUser currentUser) {
        this.authenticator = authenticator;
        this.currentUser = currentUser;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || isTokenIssue(request)) {
            return;  // the log-in request's own header, if any, must not stand in its way
        }
        Session session = BearerTokens.fromAuthorization(authorization)
                .flatMap(authenticator::sessionOf)
                .orElseThrow(() -> new UnauthorizedException(TOKEN_NOT_VALID).invalidToken());
        currentUser.authenticated(session);
        request.setSecurityContext(new TokenSecurityContext(session, request.getSecurityContext().isSecure()));
    }

    private static boolean isTokenIssue(ContainerRequestContext request) {
        return "auth/token".equals(request.getUriInfo().getPath(true).replaceAll("^/+|/+$", ""));
    }
}
