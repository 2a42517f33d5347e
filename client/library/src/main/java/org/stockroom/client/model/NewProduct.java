package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;

/**
 * The body of {@code POST /products}. Only sku and name are required; a {@code null}
 * unit of measure or reorder point lets the server apply its defaults ("EA" and 0), a {@code null}
 * lotTracked means not lot-tracked.
 */
@JsonbPropertyOrder({"sku", "name", "description", "unitOfMeasure", "category", "reorderPoint", "lotTracked"})
public record NewProduct(String sku, String name, String description, String unitOfMeasure,
                         String category, BigDecimal reorderPoint, Boolean lotTracked) {

    /** A product that is not lot-tracked. */
    public NewProduct(String sku, String name, String description, String unitOfMeasure, String category,
                      BigDecimal reorderPoint) {
        this(sku, name, description, unitOfMeasure, category, reorderPoint, null);
    }

    public static NewProduct of(String sku, String name) {
        return new NewProduct(sku, name, null, null, null, null);
    }

    /** The same product, lot-tracked or not: every unit of a lot-tracked one is in a lot. */
    public NewProduct withLotTracked(boolean tracked) {
        return new NewProduct(sku, name, description, unitOfMeasure, category, reorderPoint, tracked);
    }
}
