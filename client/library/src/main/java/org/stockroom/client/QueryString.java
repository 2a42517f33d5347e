package org.stockroom.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.StringJoiner;

/** Builds {@code ?a=1&b=2} from the parameters that have a value; and encodes path segments. */
final class QueryString {

    private final StringJoiner joiner = new StringJoiner("&", "?", "").setEmptyValue("");

    QueryString add(String name, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            joiner.add(name + "=" + encode(value.toString()));
        }
        return this;
    }

    /** The paging parameters every listing takes. */
    QueryString page(Integer limit, String after) {
        return add("limit", limit).add("after", after);
    }

    @Override
    public String toString() {
        return joiner.toString();
    }

    /** An identifier (SKU, location code, user name) as one path segment, e.g. {@code /products/A%2FB}. */
    static String segment(String value) {
        return "/" + encode(Objects.requireNonNull(value, "identifier"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
