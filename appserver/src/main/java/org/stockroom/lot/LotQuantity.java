package org.stockroom.lot;

import java.math.BigDecimal;
import java.util.Objects;

/** How much of one lot a movement moves: always more than zero. */
public record LotQuantity(Lot lot, BigDecimal quantity) {

    public LotQuantity {
        Objects.requireNonNull(lot, "lot");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("a lot quantity must be positive: " + quantity.toPlainString());
        }
    }
}
