package org.stockroom.stock;

/** One row of the on-hand report. */
public record StockLevelView(String sku, String location, long onHand, int reorderPoint) {
}
