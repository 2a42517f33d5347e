package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;

/** The body of {@code PUT /products/{sku}}: every editable field, as it should be afterwards. */
@JsonbPropertyOrder({"name", "description", "unitOfMeasure", "category", "reorderPoint"})
public record ProductChanges(String name, String description, String unitOfMeasure,
                             String category, BigDecimal reorderPoint) {

    public ProductChanges withName(String name) {
        return new ProductChanges(name, description, unitOfMeasure, category, reorderPoint);
    }

    public ProductChanges withDescription(String description) {
        return new ProductChanges(name, description, unitOfMeasure, category, reorderPoint);
    }

    public ProductChanges withUnitOfMeasure(String unitOfMeasure) {
        return new ProductChanges(name, description, unitOfMeasure, category, reorderPoint);
    }

    public ProductChanges withCategory(String category) {
        return new ProductChanges(name, description, unitOfMeasure, category, reorderPoint);
    }

    public ProductChanges withReorderPoint(BigDecimal reorderPoint) {
        return new ProductChanges(name, description, unitOfMeasure, category, reorderPoint);
    }
}
