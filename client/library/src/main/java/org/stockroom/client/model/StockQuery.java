package org.stockroom.client.model;

/** Filters for {@code GET /stock}; every field may be {@code null} for "any". */
public record StockQuery(String sku, String location, Boolean belowReorder, Integer limit, String after) {

    public static StockQuery all() {
        return new StockQuery(null, null, null, null, null);
    }

    public StockQuery withAfter(String cursor) {
        return new StockQuery(sku, location, belowReorder, limit, cursor);
    }
}
