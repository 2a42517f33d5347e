package org.stockroom.auth.login;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.stockroom.auth.password.Passwords;

/** The body of {@code POST /auth/password}. {@code toString} leaves both passwords out. */
@Schema(description = "The user's current password and the new one")
public record PasswordChangeRequest(
        @NotNull @Size(max = 1000) String currentPassword,
        @NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH, message = Passwords.LENGTH_RULE)
        String newPassword) {

    @Override
    public String toString() {
        return "PasswordChangeRequest[currentPassword=(hidden), newPassword=(hidden)]";
    }
}
