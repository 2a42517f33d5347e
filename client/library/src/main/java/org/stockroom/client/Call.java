package org.stockroom.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request before it is sent: method, path below {@code /api/v1}, body, extra headers, and
 * whether it carries the client's bearer token (all but the log-in do).
 */
record Call(String method, String path, Object body, Map<String, String> headers, boolean withToken) {

    static Call get(String path) {
        return new Call("GET", path, null, Map.of(), true);
    }

    static Call post(String path, Object body) {
        return new Call("POST", path, body, Map.of(), true);
    }

    static Call put(String path, Object body) {
        return new Call("PUT", path, body, Map.of(), true);
    }

    static Call patch(String path, Object body) {
        return new Call("PATCH", path, body, Map.of(), true);
    }

    static Call delete(String path) {
        return new Call("DELETE", path, null, Map.of(), true);
    }

    Call header(String name, String value) {
        var headers = new LinkedHashMap<>(this.headers);
        headers.put(name, value);
        return new Call(method, path, body, headers, withToken);
    }

    /** The log-in proves who the caller is by its body; an old token has no business there. */
    Call withoutToken() {
        return new Call(method, path, body, headers, false);
    }

    Call idempotencyKey(String key) {
        return header(IdempotencyKeys.HEADER, IdempotencyKeys.requireValid(key));
    }

    Optional<String> idempotencyKey() {
        return Optional.ofNullable(headers.get(IdempotencyKeys.HEADER));
    }

    /** Reads, and POSTs with an idempotency key: the server's state is the same however often they arrive. */
    boolean isRepeatable() {
        return method.equals("GET") || method.equals("HEAD")
                || (method.equals("POST") && idempotencyKey().isPresent());
    }
}
