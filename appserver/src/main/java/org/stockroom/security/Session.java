package org.stockroom.security;

import java.time.Instant;

/** Who a valid bearer token stands for, and until when. */
public record Session(String username, Role role, Instant expiresAt) {
}
