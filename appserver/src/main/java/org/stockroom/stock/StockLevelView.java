package org.stockroom.stock;

/** One row of the on-hand report. */
public record StockLevelView(String sku, String location, long onHand, int reorderPoint) {

    /** The row of a level, as the report's query builds it. */
    static StockLevelView of(StockLevel level) {
        return new StockLevelView(level.product().sku(), level.location().code(), level.onHand(),
                level.product().reorderPoint());
    }
}
