package org.stockroom.client.model;

import java.time.Instant;

/** The answer to a log-in: the bearer token and whom it stands for, until when. */
public record IssuedToken(String token, String tokenType, String username, String role, Instant expiresAt) {
}
