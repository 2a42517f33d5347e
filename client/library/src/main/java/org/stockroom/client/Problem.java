package org.stockroom.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An RFC 9457 problem detail, as the server sends it with {@code application/problem+json}.
 * Members beyond the standard ones (such as {@code onHand} and {@code requested} when stock
 * is insufficient) are kept in {@link #extensions()}; JSON numbers arrive as {@link java.math.BigDecimal}.
 */
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, Map<String, Object> extensions) {

    public Problem {
        type = type == null ? "about:blank" : type;
        errors = errors == null ? List.of() : List.copyOf(errors);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** The most specific human-readable explanation: the detail, else the title, else the status. */
    public String message() {
        if (detail != null && !detail.isBlank()) {
            return detail;
        }
        if (title != null && !title.isBlank()) {
            return title;
        }
        return "HTTP status " + status;
    }

    public Optional<Object> extension(String name) {
        return Optional.ofNullable(extensions.get(name));
    }
}
