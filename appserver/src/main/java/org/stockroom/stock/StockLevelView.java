package org.stockroom.stock;

import org.stockroom.product.Product;

import java.math.BigDecimal;

/** One row of the on-hand report, its quantities in the decimal places of the product's unit. */
public record StockLevelView(String sku, String location, BigDecimal onHand, BigDecimal reorderPoint) {

    static StockLevelView of(Product product, String location, BigDecimal onHand) {
        return new StockLevelView(product.sku(), location, product.inItsUnit(onHand),
                product.inItsUnit(product.reorderPoint()));
    }
}
