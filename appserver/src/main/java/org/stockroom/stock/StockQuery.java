package org.stockroom.stock;

/**
 * Filters of the on-hand report; null or false means "don't filter on this".
 *
 * @param sku          one product
 * @param locationCode one location
 * @param belowReorder only rows of products whose total on hand is below their reorder point
 */
public record StockQuery(String sku, String locationCode, boolean belowReorder) {
}
