package org.stockroom.stock;

/** How much stock moves into or out of one level: always more than zero. */
public record Quantity(long value) {

    public Quantity {
        if (value <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + value);
        }
    }

    public static Quantity of(long value) {
        return new Quantity(value);
    }
}
