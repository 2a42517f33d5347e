package org.stockroom.client.model;

/** Filters for {@code GET /stock/lots}; every field may be {@code null} for "any". */
public record LotQuery(String sku, String location, Integer limit, String after) {

    public static LotQuery all() {
        return new LotQuery(null, null, null, null);
    }

    public LotQuery withAfter(String cursor) {
        return new LotQuery(sku, location, limit, cursor);
    }
}
