package org.stockroom.ratelimit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Limits the requests per second from one client address. It runs first, before the resource
 * is even matched and before {@code AuthenticationFilter} looks up a token in the database, so
 * a flood of made-up tokens or passwords costs the server next to nothing.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class AddressRateLimitFilter implements ContainerRequestFilter {

    private final RateLimits limits;
    private final ClientAddress clientAddress;

    @Inject
    public AddressRateLimitFilter(RateLimits limits, ClientAddress clientAddress) {
        this.limits = limits;
        this.clientAddress = clientAddress;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        clientAddress.ofCurrentRequest().ifPresent(limits::admitFromAddress);
    }
}
