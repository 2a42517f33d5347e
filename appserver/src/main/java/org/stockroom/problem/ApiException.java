package org.stockroom.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal the API explains to its client as an RFC 9457 problem: every rule the
 * server enforces fails with one of these, never with a bare runtime exception.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final long retryAfterSeconds;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ApiException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public ApiException(int status, String type, String title, String detail, List<FieldError> errors) {
        this(status, type, title, detail, errors, 0);
    }

    /** A refusal that a retry after that many seconds (at least 1) may get past: 429, 503. */
    protected ApiException(int status, String type, String title, String detail, long retryAfterSeconds) {
        this(status, type, title, detail, List.of(), Math.max(1, retryAfterSeconds));
    }

    private ApiException(int status, String type, String title, String detail, List<FieldError> errors,
                         long retryAfterSeconds) {
        super(detail, null, false, false);  // an expected outcome: no stack trace to fill
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Adds an extension member, e.g. {@code onHand}, for clients that act on it. */
    protected ApiException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Seconds after which a retry may succeed, sent as {@code Retry-After}; 0 when a retry won't help. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Map<String, Object> extensions() {
        return Collections.unmodifiableMap(extensions);
    }
}
