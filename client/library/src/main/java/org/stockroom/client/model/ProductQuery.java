package org.stockroom.client.model;

/**
 * Filters for {@code GET /products}; every field may be {@code null} for "any".
 *
 * @param text            matched against SKU and name ({@code q})
 * @param belowReorder    only products whose stock is below their reorder point
 * @param limit           page size, at most 500; the server's default is 50
 * @param after           the {@code next} cursor of the previous page
 * @param includeArchived archived products too, which the server leaves out otherwise
 */
public record ProductQuery(String text, String category, Boolean belowReorder, Integer limit, String after,
                           Boolean includeArchived) {

    /** A query that leaves archived products out, as the server does unless asked. */
    public ProductQuery(String text, String category, Boolean belowReorder, Integer limit, String after) {
        this(text, category, belowReorder, limit, after, null);
    }

    public static ProductQuery all() {
        return new ProductQuery(null, null, null, null, null, null);
    }

    public ProductQuery withAfter(String cursor) {
        return new ProductQuery(text, category, belowReorder, limit, cursor, includeArchived);
    }

    /** The same query, with archived products included. */
    public ProductQuery includingArchived() {
        return new ProductQuery(text, category, belowReorder, limit, after, true);
    }
}
