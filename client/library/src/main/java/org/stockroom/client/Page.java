package org.stockroom.client;

import java.util.List;

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
}
