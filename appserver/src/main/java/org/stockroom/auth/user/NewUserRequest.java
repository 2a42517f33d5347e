package org.stockroom.auth.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.stockroom.auth.password.Passwords;
import org.stockroom.security.Roles;

/** The body of {@code POST /users}. {@code toString} leaves the password out. */
@Schema(description = "A new user", properties = {
        @SchemaProperty(name = "username", pattern = "^" + NewUserRequest.USERNAME_PATTERN + "$",
                description = "Unique ignoring case"),
        @SchemaProperty(name = "role", enumeration = {Roles.VIEWER, Roles.CLERK, Roles.MANAGER, Roles.ADMIN})})
public record NewUserRequest(
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = USERNAME_PATTERN, message = USERNAME_RULE)
        String username,
        @NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH, message = Passwords.LENGTH_RULE)
        String password,
        @NotNull @Pattern(regexp = ROLE_PATTERN, message = ROLE_RULE) String role) {

    /** The rule of the {@code app_user_username_format} constraint (V5). */
    public static final String USERNAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]*";
    public static final String USERNAME_RULE =
            "must start with a letter or digit and contain only letters, digits, '.', '_', '@' and '-'";
    public static final String ROLE_PATTERN = "viewer|clerk|manager|admin";
    public static final String ROLE_RULE = "must be one of viewer, clerk, manager, admin";

    @Override
    public String toString() {
        return "NewUserRequest[username=" + username + ", password=(hidden), role=" + role + "]";
    }
}
