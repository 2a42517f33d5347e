package org.stockroom.api;

/** How the API reads optional text, in bodies and query parameters alike. */
public final class Text {

    private Text() {
    }

    /** Absent or blank means "not given"; otherwise the value without surrounding white space. */
    public static String trimmedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
