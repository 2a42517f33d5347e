package org.stockroom.api;

/** Small helpers for optional query parameters. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** An absent or blank parameter means "no filter"; otherwise the trimmed value. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
