package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/** A product as the server shows it; {@code onHand} is the total across all locations. */
@JsonbPropertyOrder({"sku", "name", "description", "unitOfMeasure", "category", "reorderPoint",
        "archived", "onHand", "version", "createdAt", "updatedAt"})
public record Product(String sku, String name, String description, String unitOfMeasure,
                      String category, int reorderPoint, boolean archived, long onHand,
                      long version, Instant createdAt, Instant updatedAt) {

    /** The values a {@code PUT} would write back unchanged; a starting point for edits. */
    public ProductChanges changes() {
        return new ProductChanges(name, description, unitOfMeasure, category, reorderPoint);
    }
}
