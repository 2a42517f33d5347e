package org.stockroom.product;

import jakarta.json.bind.annotation.JsonbNillable;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product as the API shows it, with its total on hand across locations; quantities in the
 * decimal places its unit counts in ({@code decimalPlaces}).
 */
@JsonbNillable
public record ProductView(String sku, String name, String description, String unitOfMeasure, String category,
                          BigDecimal reorderPoint, boolean archived, BigDecimal onHand, int decimalPlaces, long version,
                          Instant createdAt, Instant updatedAt) {

    static ProductView of(Product p) {
        return new ProductView(p.sku(), p.name(), p.description(), p.unitOfMeasure(), p.category(),
                p.inItsUnit(p.reorderPoint()), p.isArchived(), p.inItsUnit(p.onHand()), p.decimalPlaces(), p.version(),
                p.createdAt(), p.updatedAt());
    }
}
