package org.stockroom.events;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a reconnecting client sends in {@code Last-Event-ID}: the id of the last event it got, which
 * this server made from a movement's id ({@code 0} before the first movement). Anything else
 * (another server's ids, a mangled header) cannot be resumed from, and the stream says so with a
 * {@code reset} rather than refusing the request: the client gets a working stream either way.
 */
sealed interface LastEventId {

    /** No header, or an empty one: a new stream. */
    record None() implements LastEventId {
    }

    /** After this movement id; 0 means before the first movement. */
    record After(long movementId) implements LastEventId {
    }

    /** A header this server did not write. */
    record Unusable(String text) implements LastEventId {
    }

    Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,17}");

    static LastEventId parse(String header) {
        String text = Optional.ofNullable(header).map(String::strip).orElse("");
        if (text.isEmpty()) {
            return new None();
        }
        return NUMBER.matcher(text).matches() ? new After(Long.parseLong(text)) : new Unusable(text);
    }
}
