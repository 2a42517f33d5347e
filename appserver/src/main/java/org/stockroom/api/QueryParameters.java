package org.stockroom.api;

import org.stockroom.problem.InvalidRequestException;

/** Small helpers for optional query parameters. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * A yes/no filter: absent or blank is false, {@code true} or {@code false} in any case is
     * itself, anything else is a 422, so that {@code belowReorder=yes} is not silently "no".
     */
    public static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException(name, "must be true or false");
        };
    }

}
