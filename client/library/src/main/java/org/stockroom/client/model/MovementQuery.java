package org.stockroom.client.model;

import java.time.Instant;

/** Filters for {@code GET /movements} (newest first); every field may be {@code null} for "any". */
public record MovementQuery(String sku, String location, Instant since, Integer limit, String after) {

    public static MovementQuery all() {
        return new MovementQuery(null, null, null, null, null);
    }

    public MovementQuery withAfter(String cursor) {
        return new MovementQuery(sku, location, since, limit, cursor);
    }
}
