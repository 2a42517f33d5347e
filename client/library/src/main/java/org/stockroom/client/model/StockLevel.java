package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;

/**
 * How much of one product is on hand at one location, how much of that reservations hold, and what
 * is available (on hand - reserved), next to the product's reorder point.
 */
@JsonbPropertyOrder({"sku", "location", "onHand", "reserved", "available", "reorderPoint"})
public record StockLevel(String sku, String location, BigDecimal onHand, BigDecimal reserved, BigDecimal available,
                         BigDecimal reorderPoint) {

    @JsonbCreator  // the one JSON-B reads answers with (a record with two constructors needs telling)
    public StockLevel {
        // A server from before reservations sends neither: nothing is reserved there.
        reserved = reserved == null ? BigDecimal.ZERO : reserved;
        available = available == null && onHand != null ? onHand.subtract(reserved) : available;
    }

    /** A level where nothing is reserved: all of it is available. */
    public StockLevel(String sku, String location, BigDecimal onHand, BigDecimal reorderPoint) {
        this(sku, location, onHand, BigDecimal.ZERO, onHand, reorderPoint);
    }
}
