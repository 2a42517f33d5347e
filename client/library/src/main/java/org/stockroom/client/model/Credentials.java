package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The body of {@code POST /auth/token}. Never printed: {@link #toString()} leaves the password out. */
@JsonbPropertyOrder({"username", "password"})
public record Credentials(String username, String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + "]";
    }
}
