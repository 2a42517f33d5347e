package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/** A user account as an administrator sees it ({@code /users}); never with its password. */
@JsonbPropertyOrder({"username", "role", "disabled", "createdAt", "passwordChangedAt"})
public record User(String username, String role, boolean disabled, Instant createdAt, Instant passwordChangedAt) {
}
