package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/** Who the server takes the caller to be ({@code GET /auth/me}): user, role, and when the token expires. */
@JsonbPropertyOrder({"username", "role", "expiresAt"})
public record Session(String username, String role, Instant expiresAt) {
}
