package org.stockroom.product;

/** A product with its total on hand across all locations. */
public record ProductStock(Product product, long onHand) {

    /** The product with the total it was read with (the database keeps product.on_hand). */
    public static ProductStock of(Product product) {
        return new ProductStock(product, product.onHand());
    }
}
