package org.stockroom.auth.login;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /auth/token}. {@code toString} leaves the password out. */
@Schema(description = "A user name (any case) and its password")
public record TokenRequest(
        @NotBlank @Size(max = 64) String username,
        @NotBlank @Size(max = 1000) String password) {

    @Override
    public String toString() {
        return "TokenRequest[username=" + username + ", password=(hidden)]";
    }
}
