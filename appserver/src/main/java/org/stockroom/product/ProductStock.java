package org.stockroom.product;

/** A product with its total on hand across all locations. */
public record ProductStock(Product product, long onHand) {
}
