package org.stockroom.lot;

/**
 * Filters of the stock-by-lot report; null means "don't filter on this".
 *
 * @param sku          one product
 * @param locationCode one location
 */
public record LotQuery(String sku, String locationCode) {
}
