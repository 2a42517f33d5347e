package org.stockroom.client;

import java.util.Optional;

/**
 * Server-sent events from the lines of a {@code text/event-stream}, as the HTML specification's
 * "event stream interpretation" says: {@code field: value} lines (one space after the colon is
 * dropped), {@code data} lines joined by line feeds, an event dispatched at each blank line if it
 * has data, comments ({@code :} lines) ignored, an {@code id} kept for the events after it until
 * another, unknown fields ignored. One parser per connection; the last event id outlives it.
 */
final class SseParser {

    /** One dispatched event: its type ("message" if none was named), the last event id, and its data. */
    record Message(String event, String lastEventId, String data) {
    }

    private String lastEventId;
    private String eventType = "";
    private StringBuilder data = new StringBuilder();
    private boolean dataSeen;
    private Long retryMillis;
    private boolean firstLine = true;

    /** @param lastEventId the id to start from: the previous connection's, or null */
    SseParser(String lastEventId) {
        this.lastEventId = lastEventId;
    }

    /** Reads one line (without its line ending); an event when the line ends one. */
    Optional<Message> line(String line) {
        if (firstLine) {
            firstLine = false;
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
        }
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> eventType = value;
            case "data" -> {
                if (dataSeen) {
                    data.append('\n');
                }
                data.append(value);
                dataSeen = true;
            }
            case "id" -> {
                if (value.indexOf('\u0000') < 0) {
                    lastEventId = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9') && value.length() < 18) {
                    retryMillis = Long.parseLong(value);
                }
            }
            default -> {
                // unknown fields are ignored
            }
        }
        return Optional.empty();
    }

    private Optional<Message> dispatch() {
        boolean hadData = dataSeen;
        String text = data.toString();
        String type = eventType.isEmpty() ? "message" : eventType;
        data = new StringBuilder();
        dataSeen = false;
        eventType = "";
        return hadData ? Optional.of(new Message(type, lastEventId, text)) : Optional.empty();
    }

    /** The id to send as {@code Last-Event-ID} when reconnecting; null before any. */
    String lastEventId() {
        return lastEventId;
    }

    /** The reconnection time the server asked for with {@code retry}, if it did. */
    Optional<Long> retryMillis() {
        return Optional.ofNullable(retryMillis);
    }
}
