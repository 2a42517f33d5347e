package org.stockroom.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing. {@code next} is an opaque cursor for the following page,
 * {@code null} on the last one; pass it back as {@code after}.
 */
public record Page<T>(List<T> items, String next) {

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean hasNext() {
        return next != null && !next.isEmpty();
    }

    /**
     * Every page from the one after {@code after} ({@code null}: from the start) to the last,
     * gathered into one page without a next cursor. {@code pageAfter} fetches the page after a cursor.
     */
    public static <T> Page<T> allFrom(String after, Function<String, Page<T>> pageAfter) {
        Page<T> page = pageAfter.apply(after);
        List<T> items = new ArrayList<>(page.items());
        while (page.hasNext()) {
            page = pageAfter.apply(page.next());
            items.addAll(page.items());
        }
        return new Page<>(items, null);
    }
}
