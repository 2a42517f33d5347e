package org.stockroom.lot;

import java.math.BigDecimal;
import java.util.Objects;

/** What one location holds of one lot. */
public record LotStock(Lot lot, BigDecimal onHand) {

    public LotStock {
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(onHand, "onHand");
    }
}
