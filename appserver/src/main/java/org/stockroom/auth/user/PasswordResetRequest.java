package org.stockroom.auth.user;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stockroom.auth.password.Passwords;

/** The body of {@code POST /users/{username}/password}. {@code toString} leaves the password out. */
@Schema(description = "The user's new password")
public record PasswordResetRequest(
        @NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH, message = Passwords.LENGTH_RULE)
        String password) {

    @Override
    public String toString() {
        return "PasswordResetRequest[password=(hidden)]";
    }
}
