package org.stockroom.client;

/**
 * A representation together with the entity tag the server sent for it; give the
 * tag back as {@code If-Match} to update it only if nobody changed it in between.
 */
public record Versioned<T>(T value, String etag) {
}
