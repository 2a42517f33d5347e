package org.stockroom.ratelimit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Limits the requests per second of one authenticated user, whichever address they come from.
 * Runs right after {@code AuthenticationFilter} has named the user, and before the role check;
 * anonymous requests are limited by their address alone.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION + 100)
public class UserRateLimitFilter implements ContainerRequestFilter {

    private final RateLimits limits;

    @Inject
    public UserRateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        if (security != null && security.getUserPrincipal() != null) {
            limits.admitFromUser(security.getUserPrincipal().getName());
        }
    }
}
