package org.stockroom.desktop.stocktake;

import java.math.BigDecimal;

/** What a clerk types as a count, and how quantities are shown. */
public final class Counts {

    private Counts() {
    }

    /** The typed count as an exact, non-negative number ({@code 12}, {@code 2.5}); null when it is none. */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal counted = new BigDecimal(text.strip());
            return counted.signum() < 0 ? null : counted;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A quantity without trailing zeros or exponent: {@code 10}, {@code 2.5}; empty for none. */
    public static String plain(BigDecimal quantity) {
        return quantity == null ? "" : quantity.stripTrailingZeros().toPlainString();
    }

    /** A difference with its sign: {@code +4}, {@code -2}, {@code 0}; empty for none. */
    public static String signed(BigDecimal difference) {
        return difference == null ? "" : (difference.signum() > 0 ? "+" : "") + plain(difference);
    }
}
