package org.stockroom.stock;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How much stock moves into or out of one level: always more than zero, and exact (metres and
 * kilograms have decimals; nothing here is ever a floating-point number).
 */
public record Quantity(BigDecimal value) {

    public Quantity {
        Objects.requireNonNull(value, "value");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + value.toPlainString());
        }
    }

    public static Quantity of(BigDecimal value) {
        return new Quantity(value);
    }

    public static Quantity of(long value) {
        return new Quantity(BigDecimal.valueOf(value));
    }
}
