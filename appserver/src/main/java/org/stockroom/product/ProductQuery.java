package org.stockroom.product;

/**
 * The filters of a product search; null or false means "don't filter on this".
 *
 * @param text            part of the SKU or name, any case
 * @param category        the exact category
 * @param belowReorder    only products whose total on hand is below their reorder point
 * @param includeArchived also archived products
 */
public record ProductQuery(String text, String category, boolean belowReorder, boolean includeArchived) {
}
