package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;

/** How much of one product is on hand at one location, next to the product's reorder point. */
@JsonbPropertyOrder({"sku", "location", "onHand", "reorderPoint"})
public record StockLevel(String sku, String location, BigDecimal onHand, BigDecimal reorderPoint) {
}
