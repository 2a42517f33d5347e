package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;

/**
 * The body of {@code POST /products}. Only sku and name are required; a {@code null}
 * unit of measure or reorder point lets the server apply its defaults ("EA" and 0).
 */
@JsonbPropertyOrder({"sku", "name", "description", "unitOfMeasure", "category", "reorderPoint"})
public record NewProduct(String sku, String name, String description, String unitOfMeasure,
                         String category, BigDecimal reorderPoint) {

    public static NewProduct of(String sku, String name) {
        return new NewProduct(sku, name, null, null, null, null);
    }
}
