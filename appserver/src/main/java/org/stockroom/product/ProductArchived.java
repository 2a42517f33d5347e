package org.stockroom.product;

/** The fact that a product was archived (fired as a CDI event inside its transaction). */
public record ProductArchived(Product product) {
}
