package org.stockroom.product;

import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product as the API shows it, with its total on hand across locations; quantities in the
 * decimal places its unit counts in ({@code decimalPlaces}).
 */
@Schema(description = "A product, with its total on hand across all locations", properties = {
        @SchemaProperty(name = "sku", description = "The identifier; never changes", example = "BOLT-M8-40"),
        @SchemaProperty(name = "description", nullable = true),
        @SchemaProperty(name = "unitOfMeasure", example = "EA"),
        @SchemaProperty(name = "category", nullable = true),
        @SchemaProperty(name = "reorderPoint", description = "Reorder when the total on hand falls below this"),
        @SchemaProperty(name = "archived", description = "Takes no new stock; left out of lists unless asked for"),
        @SchemaProperty(name = "lotTracked", description = "Every unit is in a lot: a receipt names its lot (and "
                + "expiry), an issue takes the first expiring lot unless it names one"),
        @SchemaProperty(name = "onHand", description = "The total on hand across all locations"),
        @SchemaProperty(name = "decimalPlaces",
                description = "Decimal places of every quantity of the product: its unit's (0 for EA, 3 for M or KG)"),
        @SchemaProperty(name = "version", description = "Goes up by one on every change; the ETag")})
@JsonbNillable
public record ProductView(String sku, String name, String description, String unitOfMeasure, String category,
                          BigDecimal reorderPoint, boolean archived, BigDecimal onHand, int decimalPlaces, long version,
                          Instant createdAt, Instant updatedAt, boolean lotTracked) {

    static ProductView of(Product p) {
        return new ProductView(p.sku(), p.name(), p.description(), p.unitOfMeasure(), p.category(),
                p.inItsUnit(p.reorderPoint()), p.isArchived(), p.inItsUnit(p.onHand()), p.decimalPlaces(), p.version(),
                p.createdAt(), p.updatedAt(), p.isLotTracked());
    }
}
