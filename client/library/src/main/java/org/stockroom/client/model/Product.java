package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product as the server shows it; {@code onHand} is the total across all locations, and its
 * quantities have the {@code decimalPlaces} of its unit (0 for EA, 3 for M or KG).
 */
@JsonbPropertyOrder({"sku", "name", "description", "unitOfMeasure", "category", "reorderPoint",
        "archived", "onHand", "decimalPlaces", "version", "createdAt", "updatedAt", "lotTracked"})
public record Product(String sku, String name, String description, String unitOfMeasure,
                      String category, BigDecimal reorderPoint, boolean archived, BigDecimal onHand,
                      int decimalPlaces, long version, Instant createdAt, Instant updatedAt, boolean lotTracked) {

    @JsonbCreator  // the one JSON-B reads answers with (a record with two constructors needs telling)
    public Product {
    }

    /** A product that is not lot-tracked. */
    public Product(String sku, String name, String description, String unitOfMeasure, String category,
                   BigDecimal reorderPoint, boolean archived, BigDecimal onHand, int decimalPlaces, long version,
                   Instant createdAt, Instant updatedAt) {
        this(sku, name, description, unitOfMeasure, category, reorderPoint, archived, onHand, decimalPlaces, version,
                createdAt, updatedAt, false);
    }

    /** The values a {@code PUT} would write back unchanged; a starting point for edits. */
    public ProductChanges changes() {
        return new ProductChanges(name, description, unitOfMeasure, category, reorderPoint, lotTracked);
    }
}
