package org.stockroom.auth.login;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /auth/token}. {@code toString} leaves the password out. */
public record TokenRequest(
        @NotBlank @Size(max = 64) String username,
        @NotBlank @Size(max = 1000) String password) {

    @Override
    public String toString() {
        return "TokenRequest[username=" + username + ", password=(hidden)]";
    }
}
