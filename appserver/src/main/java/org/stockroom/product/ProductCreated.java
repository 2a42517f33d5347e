package org.stockroom.product;

/** The fact that a product was created (fired as a CDI event inside its transaction). */
public record ProductCreated(Product product) {
}
