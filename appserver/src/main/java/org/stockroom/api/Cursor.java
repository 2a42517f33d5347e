package org.stockroom.api;

import org.stockroom.problem.BadRequestException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors: the sort key of the last item of a page, base64url-encoded so
 * clients treat it as a token rather than build one.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';  // unit separator: never in a SKU or code

    private Cursor() {
    }

    public static String encode(String... keyParts) {
        String joined = String.join(String.valueOf(SEPARATOR), keyParts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** The key parts of a cursor this server issued; 400 for anything else. */
    public static List<String> decode(String cursor, int expectedParts) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = Arrays.asList(joined.split(String.valueOf(SEPARATOR), -1));
            if (parts.size() != expectedParts || parts.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("wrong shape");
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("The 'after' cursor is not one this server issued; "
                    + "pass the 'next' value of a previous page");
        }
    }

    /** Cuts the extra row fetched to detect a next page, and makes the cursor from the last kept item. */
    public static <T> Page<T> page(List<T> fetched, PageRequest request, java.util.function.Function<T, String> cursorOf) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, request.limit());
        return new Page<>(List.copyOf(items), cursorOf.apply(items.getLast()));
    }
}
