package org.stockroom.auth;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * The request's user, forwarded from its home {@link org.stockroom.security.CurrentUser} for
 * {@code movement.MovementService}, which still imports it from here. New code injects
 * {@code org.stockroom.security.CurrentUser}; this class goes when {@code movement} does.
 */
@Dependent
public class CurrentUser {

    private final org.stockroom.security.CurrentUser user;

    @Inject
    public CurrentUser(org.stockroom.security.CurrentUser user) {
        this.user = user;
    }

    /** The user name of the request's sender; for code that only runs on authenticated requests. */
    public String username() {
        return user.username();
    }
}
