package org.stockroom.auth.user;

import org.stockroom.security.Role;

import java.time.Instant;

/** A user as log-in and the users API need it. {@code toString} leaves the password hash out. */
public record UserAccount(long id, String username, String passwordHash, Role role, boolean disabled,
                          Instant createdAt, Instant passwordChangedAt) {

    /** Whether this user is an administrator who can act as one: role admin, not disabled. */
    public boolean isEnabledAdmin() {
        return role == Role.ADMIN && !disabled;
    }

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", username=" + username + ", role=" + role + ", disabled=" + disabled + "]";
    }
}
