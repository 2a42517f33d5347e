package org.stockroom.client;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an error response into a {@link Problem}: problem+json as the server sends it,
 * or, from anything else on the way (a proxy, a wrong URL), a plain body made into a
 * problem whose detail is that body.
 */
final class ProblemReader {

    private static final Set<String> STANDARD_MEMBERS =
            Set.of("type", "title", "status", "detail", "instance", "errors");
    private static final Type JSON_OBJECT = new LinkedHashMap<String, Object>() {
    }.getClass().getGenericSuperclass();

    private final Jsonb jsonb;

    ProblemReader(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    Problem read(int status, String contentType, String body) {
        String text = body == null ? "" : body.strip();
        if (text.startsWith("{") && isJson(contentType)) {
            try {
                return fromJson(status, jsonb.fromJson(text, JSON_OBJECT));
            } catch (JsonbException | ClassCastException notAProblem) {
                // fall through: show the body as it came
            }
        }
        return fromPlainBody(status, text);
    }

    private static boolean isJson(String contentType) {
        return contentType == null || contentType.toLowerCase().contains("json");
    }

    private static Problem fromJson(int status, Map<String, Object> json) {
        Map<String, Object> extensions = new LinkedHashMap<>(json);
        extensions.keySet().removeAll(STANDARD_MEMBERS);
        extensions.values().removeIf(value -> value == null);
        if (json.get("errors") instanceof List<?> errors && !errors.isEmpty()
                && errors.getFirst() instanceof Map<?, ?> first && first.containsKey("line")) {
            extensions.put("rowErrors", errors);  // invalid-rows: line, column, reason (Imports.rowErrors)
        }
        return new Problem(
                string(json.get("type")),
                string(json.get("title")),
                json.get("status") instanceof Number number ? number.intValue() : status,
                string(json.get("detail")),
                string(json.get("instance")),
                fieldErrors(json.get("errors")),
                extensions);
    }

    private static List<FieldError> fieldErrors(Object errors) {
        List<FieldError> result = new ArrayList<>();
        if (errors instanceof List<?> list) {
            for (Object error : list) {
                if (error instanceof Map<?, ?> map) {
                    result.add(new FieldError(string(map.get("pointer")), string(map.get("message"))));
                }
            }
        }
        return result;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static Problem fromPlainBody(int status, String text) {
        String title = reasonPhrase(status);
        String detail = text.isEmpty() || text.startsWith("<") ? null : firstLine(text);
        return new Problem(null, title, status, detail, null, List.of(), Map.of());
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP status " + status;
        };
    }
}
