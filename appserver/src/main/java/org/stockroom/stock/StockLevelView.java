package org.stockroom.stock;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/** One row of the on-hand report. */
@Schema(description = "What one location holds of one product", properties = {
        @SchemaProperty(name = "location", description = "The location code"),
        @SchemaProperty(name = "reorderPoint", description = "The product's, which applies to its total on hand")})
public record StockLevelView(String sku, String location, long onHand, int reorderPoint) {
}
