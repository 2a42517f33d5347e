package org.stockroom.stocktake;

import java.math.BigDecimal;

/** Quantities as the API shows them: exact, without trailing zeros or an exponent ({@code 12}, {@code 2.5}). */
public final class Quantities {

    private Quantities() {
    }

    public static BigDecimal plain(BigDecimal quantity) {
        if (quantity == null) {
            return null;
        }
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
