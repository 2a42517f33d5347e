package org.stockroom.lot;

import java.util.Objects;

/**
 * A lot (batch) number as a supplier prints it: letters, digits, '.', '_', '/' and '-', starting
 * with a letter or digit, at most 64 characters; case counts. Unique per product. The database
 * checks the same pattern again ({@code lot_number_format}).
 */
public record LotNumber(String value) {

    /** The pattern as Bean Validation's {@code @Pattern} uses it (the whole value). */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._/-]*";
    public static final int MAX_LENGTH = 64;
    /** What a client is told when a value does not match. */
    public static final String RULE =
            "must start with a letter or digit and contain only letters, digits, '.', '_', '/' and '-'";

    private static final java.util.regex.Pattern COMPILED = java.util.regex.Pattern.compile(PATTERN);

    public LotNumber {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_LENGTH || !COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException("lot number '" + value + "' " + RULE + ", at most " + MAX_LENGTH
                    + " characters");
        }
    }

    /** The lot number in {@code value}, or null when there is none. */
    public static LotNumber ofNullable(String value) {
        return value == null ? null : new LotNumber(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
