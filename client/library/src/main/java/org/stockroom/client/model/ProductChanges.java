package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;

/**
 * The body of {@code PUT /products/{sku}}: every editable field, as it should be afterwards;
 * a {@code null} lotTracked leaves lot tracking as it is.
 */
@JsonbPropertyOrder({"name", "description", "unitOfMeasure", "category", "reorderPoint", "lotTracked"})
public record ProductChanges(String name, String description, String unitOfMeasure,
                             String category, BigDecimal reorderPoint, Boolean lotTracked) {

    /** Changes that leave lot tracking as it is. */
    public ProductChanges(String name, String description, String unitOfMeasure, String category,
                          BigDecimal reorderPoint) {
        this(name, description, unitOfMeasure, category, reorderPoint, null);
    }

    public ProductChanges withName(String name) {
        return new ProductChanges(name, description, unitOfMeasure, category, reorderPoint, lotTracked);
    }

    public ProductChanges withDescription(String description) {
        return new ProductChanges(name, description, unitOfMeasure, category, reorderPoint, lotTracked);
    }

    public ProductChanges withUnitOfMeasure(String unitOfMeasure) {
        return new ProductChanges(name, description, unitOfMeasure, category, reorderPoint, lotTracked);
    }

    public ProductChanges withCategory(String category) {
        return new ProductChanges(name, description, unitOfMeasure, category, reorderPoint, lotTracked);
    }

    public ProductChanges withReorderPoint(BigDecimal reorderPoint) {
        return new ProductChanges(name, description, unitOfMeasure, category, reorderPoint, lotTracked);
    }

    /** Switches lot tracking on or off; the server allows it only while nothing is on hand. */
    public ProductChanges withLotTracked(Boolean lotTracked) {
        return new ProductChanges(name, description, unitOfMeasure, category, reorderPoint, lotTracked);
    }
}
