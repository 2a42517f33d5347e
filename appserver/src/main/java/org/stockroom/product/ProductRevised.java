package org.stockroom.product;

/** The fact that a product's details were revised, with what they were before (a CDI event inside its transaction). */
public record ProductRevised(Product product, ProductDetails before) {
}
