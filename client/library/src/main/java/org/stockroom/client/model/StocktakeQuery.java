package org.stockroom.client.model;

/** Filters for {@code GET /stocktakes} (newest first); every field may be {@code null} for "any". */
public record StocktakeQuery(StocktakeStatus status, String location, Integer limit, String after) {

    public static StocktakeQuery all() {
        return new StocktakeQuery(null, null, null, null);
    }

    public StocktakeQuery withAfter(String cursor) {
        return new StocktakeQuery(status, location, limit, cursor);
    }
}
