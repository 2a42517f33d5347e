package org.stockroom.stocktake;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The on-hand level of one product at one location as a count is entered, read under the
 * product's lock: {@code quantity} is the ledger's balance after movement {@code afterMovement}
 * (null when the location never held the product, the balance then being 0). Movements with a
 * higher id at that place came after the count, and posting keeps them.
 */
public record OnHandSnapshot(BigDecimal quantity, Long afterMovement) {

    public OnHandSnapshot {
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("on hand is never negative: " + quantity);
        }
    }

    /** The level of a place that never held the product. */
    public static OnHandSnapshot none() {
        return new OnHandSnapshot(BigDecimal.ZERO, null);
    }
}
