package org.stockroom.stock;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.stockroom.product.Product;

import java.math.BigDecimal;

/** One row of the on-hand report, its quantities in the decimal places of the product's unit. */
@Schema(description = "What one location holds of one product", properties = {
        @SchemaProperty(name = "location", description = "The location code"),
        @SchemaProperty(name = "onHand", description = "In the decimal places of the product's unit"),
        @SchemaProperty(name = "reserved", description = "Held there by OPEN reservations (not past their expiry)"),
        @SchemaProperty(name = "available", description = "onHand - reserved: what a movement without a "
                + "reservation, or a new reservation, may take"),
        @SchemaProperty(name = "reorderPoint", description = "The product's, which applies to its total on hand")})
public record StockLevelView(String sku, String location, BigDecimal onHand, BigDecimal reserved,
                             BigDecimal available, BigDecimal reorderPoint) {

    static StockLevelView of(Product product, String location, BigDecimal onHand, BigDecimal reserved) {
        return new StockLevelView(product.sku(), location, product.inItsUnit(onHand), product.inItsUnit(reserved),
                product.inItsUnit(onHand.subtract(reserved)), product.inItsUnit(product.reorderPoint()));
    }
}
