package org.stockroom.stock;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.stockroom.product.Product;

import java.math.BigDecimal;

/** One row of the on-hand report, its quantities in the decimal places of the product's unit. */
@Schema(description = "What one location holds of one product", properties = {
        @SchemaProperty(name = "location", description = "The location code"),
        @SchemaProperty(name = "onHand", description = "In the decimal places of the product's unit"),
        @SchemaProperty(name = "reorderPoint", description = "The product's, which applies to its total on hand")})
public record StockLevelView(String sku, String location, BigDecimal onHand, BigDecimal reorderPoint) {

    static StockLevelView of(Product product, String location, BigDecimal onHand) {
        return new StockLevelView(product.sku(), location, product.inItsUnit(onHand),
                product.inItsUnit(product.reorderPoint()));
    }

    /** The row of a level, as the live stream sends it. */
    static StockLevelView of(StockLevel level) {
        return of(level.product(), level.location().code(), level.onHand());
    }
}
