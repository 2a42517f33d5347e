package org.stockroom.api;

import org.stockroom.problem.InvalidRequestException;

/**
 * The {@code limit} and {@code after} query parameters of a list request.
 *
 * @param limit how many items at most
 * @param after the cursor from the previous page's {@code next}, or null for the first page
 */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** Reads the raw query parameters: a bad {@code limit} is a 422, not the runtime's 404. */
    public static PageRequest of(String limit, String after) {
        int size;
        try {
            size = limit == null || limit.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        return new PageRequest(size, after == null || after.isBlank() ? null : after);
    }

    /** Asks for one row more than the page holds: its presence says whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}
