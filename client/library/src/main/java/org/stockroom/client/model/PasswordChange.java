package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The body of {@code POST /auth/password}; {@link #toString()} leaves both passwords out. */
@JsonbPropertyOrder({"currentPassword", "newPassword"})
public record PasswordChange(String currentPassword, String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[]";
    }
}
