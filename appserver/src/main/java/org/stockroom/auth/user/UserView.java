package org.stockroom.auth.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.stockroom.security.Roles;

import java.time.Instant;

/** A user as the users API shows it: never the password nor its hash. */
@Schema(description = "A user who may log in; never its password", properties = {
        @SchemaProperty(name = "role", enumeration = {Roles.VIEWER, Roles.CLERK, Roles.MANAGER, Roles.ADMIN}),
        @SchemaProperty(name = "passwordChangedAt", description = "When the password was last set")})
public record UserView(String username, String role, boolean disabled, Instant createdAt, Instant passwordChangedAt) {

    static UserView of(UserAccount user) {
        return new UserView(user.username(), user.role().value(), user.disabled(), user.createdAt(),
                user.passwordChangedAt());
    }
}
