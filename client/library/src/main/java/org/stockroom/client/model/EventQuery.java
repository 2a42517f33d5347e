package org.stockroom.client.model;

/**
 * Which events of {@code GET /events} a subscription wants: those of one product, of one location
 * (movements from or to it, and its levels), or both; {@code null} is "any".
 */
public record EventQuery(String sku, String location) {

    public static EventQuery all() {
        return new EventQuery(null, null);
    }
}
