package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The body of {@code PATCH /users/{username}}: only what is not {@code null} is sent and changed.
 * Start from {@link #role(String)}, {@link #disable()} or {@link #enable()}.
 */
@JsonbPropertyOrder({"role", "disabled"})
public record UserChanges(String role, Boolean disabled) {

    public static UserChanges role(String role) {
        return new UserChanges(role, null);
    }

    public static UserChanges disable() {
        return new UserChanges(null, true);
    }

    public static UserChanges enable() {
        return new UserChanges(null, false);
    }
}
