package org.stockroom.auth.user;

import java.time.Instant;

/** A user as the users API shows it: never the password nor its hash. */
public record UserView(String username, String role, boolean disabled, Instant createdAt, Instant passwordChangedAt) {

    static UserView of(UserAccount user) {
        return new UserView(user.username(), user.role().value(), user.disabled(), user.createdAt(),
                user.passwordChangedAt());
    }
}
