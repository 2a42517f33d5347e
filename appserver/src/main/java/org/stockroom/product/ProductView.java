package org.stockroom.product;

import jakarta.json.bind.annotation.JsonbNillable;

import java.time.Instant;

/** A product as the API shows it, with its total on hand across locations. */
@JsonbNillable
public record ProductView(String sku, String name, String description, String unitOfMeasure, String category,
                          int reorderPoint, boolean archived, long onHand, long version,
                          Instant createdAt, Instant updatedAt) {

    static ProductView of(Product p) {
        return new ProductView(p.sku(), p.name(), p.description(), p.unitOfMeasure(), p.category(),
                p.reorderPoint(), p.isArchived(), p.onHand(), p.version(), p.createdAt(), p.updatedAt());
    }
}
