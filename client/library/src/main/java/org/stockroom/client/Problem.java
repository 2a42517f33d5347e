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

    /**
     * The field errors to show under {@link #message()}: all of them, except when there is one and
     * the message already says it, in its words ("name must not be blank") or of its field
     * ("quantity 1.5 is finer than ..."), as the server writes the detail of a single invalid field.
     */
    public List<FieldError> errorsBeyondMessage() {
        if (errors.size() == 1) {
            FieldError only = errors.getFirst();
            String field = only.pointer() == null ? "" : only.pointer().replaceFirst("^/", "");
            if (messageSays(only.message()) || (!field.isEmpty() && message().startsWith(field + " "))) {
                return List.of();
            }
        }
        return errors;
    }

    /** Whether {@link #message()} holds this text, so that showing it again would only repeat it. */
    public boolean messageSays(String text) {
        return text != null && !text.isBlank() && message().contains(text);
    }

    public Optional<Object> extension(String name) {
        return Optional.ofNullable(extensions.get(name));
    }
}
