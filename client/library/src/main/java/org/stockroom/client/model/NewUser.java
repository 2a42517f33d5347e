package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The body of {@code POST /users}; {@link #toString()} leaves the password out. */
@JsonbPropertyOrder({"username", "password", "role"})
public record NewUser(String username, String password, String role) {

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", role=" + role + "]";
    }
}
