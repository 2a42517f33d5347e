package org.stockroom.rules;

/**
 * The one rule for the identifiers clients choose, SKUs and location codes: letters, digits,
 * '.', '_' and '-', starting with a letter or digit. The database checks the same pattern
 * again ({@code product_sku_format}, {@code location_code_format}) as the last line of defence.
 */
public final class Identifier {

    /** The pattern as Bean Validation's {@code @Pattern} and {@link #isValid} use it (the whole value). */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";
    /** What a client is told when a value does not match. */
    public static final String RULE =
            "must start with a letter or digit and contain only letters, digits, '.', '_' and '-'";

    private static final java.util.regex.Pattern COMPILED = java.util.regex.Pattern.compile(PATTERN);

    private Identifier() {
    }

    /** Whether the value is an identifier of at most {@code maxLength} characters. */
    public static boolean isValid(String value, int maxLength) {
        return value != null && value.length() <= maxLength && COMPILED.matcher(value).matches();
    }

    /** The value, if it is an identifier of at most {@code maxLength} characters; else IllegalArgumentException. */
    public static String require(String what, String value, int maxLength) {
        if (!isValid(value, maxLength)) {
            throw new IllegalArgumentException(what + " '" + value + "' " + RULE + ", at most " + maxLength
                    + " characters");
        }
        return value;
    }
}
