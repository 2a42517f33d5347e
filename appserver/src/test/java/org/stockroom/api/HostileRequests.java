package org.stockroom.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates hostile requests to one write endpoint: each starts from a request that would be
 * accepted and breaks it in one way. Some stay valid on purpose (a name that reads like SQL is
 * a fine name), so the fuzz test must tell accepted requests from refused ones.
 */
final class HostileRequests {

    /** One request as sent: a null content type or body is left out; chunked sends no Content-Length. */
    record HostileRequest(String family, String method, String path, String contentType, Map<String, String> headers,
                          byte[] body, boolean chunked) {

        String describe() {
            String text = body == null ? "(no body)" : new String(body, StandardCharsets.UTF_8);
            if (text.length() > 300) {
                text = text.substring(0, 300) + "... (" + body.length + " bytes)";
            }
            return "[" + family + "] " + method + " " + path + " Content-Type: " + contentType + " " + headers
                    + (chunked ? " chunked" : "") + " " + text;
        }
    }

    /** A JSON member whose value is already JSON text, so that a generator can put anything there. */
    record Member(String name, String json) {
    }

    /**
     * What a write endpoint accepts. {@code validMembers} gives a fresh acceptable body (unique
     * names where they must be unique); {@code textMembers} and {@code numberMembers} name its fields.
     */
    record Endpoint(String name, String method, String path, Map<String, String> headers,
                    Supplier<List<Member>> validMembers, List<String> textMembers, List<String> numberMembers,
                    List<String> wrongMethods) {

        boolean hasBody() {
            return !validMembers.get().isEmpty();
        }
    }

    static final List<String> FAMILIES = List.of("broken-json", "huge-numbers", "negative-and-zero", "unicode-and-controls",
            "sql-and-script", "missing-and-duplicate", "wrong-types", "wrong-methods", "wrong-content-types", "oversized",
            "hostile-headers", "hostile-paths");

    private static final String JSON = "application/json";

    private static final List<String> NUMBERS = List.of("1e400", "-1e400", "1E+999999999", "1e-400",
            "99999999999999999999999", "2147483648", "-2147483649", "9223372036854775808", "1000000001", "-1000000001",
            "1.5", "-0.0", "0.0000001", "1" + "0".repeat(1200), "NaN", "Infinity", "-Infinity", "0x10", "01", "+1",
            "1e9", "- 1", "1_000");

    private static final List<String> NOT_POSITIVE = List.of("0", "-0", "-1", "-5", "-1000000000", "-2147483648");

    private static final List<String> SQL_AND_SCRIPT = List.of("' OR '1'='1", "'; DROP TABLE product; --",
            "Robert'); DROP TABLE stock_movement;--", "1; DELETE FROM stock_level", "\" OR \"\"=\"",
            "' UNION SELECT password_hash FROM app_user --", "$$; select pg_sleep(5); $$", "admin'--",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "${jndi:ldap://127.0.0.1/a}",
            "#{7*7}", "{{7*7}}", "../../../etc/passwd", "%00", "\\x00", "%27%20OR%201=1", "A-1' AND sleep(5)#",
            "\\'; COPY product TO '/tmp/x'; --");

    private static final List<String> UNICODE_PIECES = List.of("\u0000", "\u0001", "\u0007", "\u001b[31m", "\u007f",
            "\u0085", "\u009f", "\n", "\r", "\t", "\ud800", "\udfff", "\ud83d\ude00", "\u202e", "\u200b", "\ufeff",
            "e\u0301", "\u4e2d\u6587", "\u00e9", "\ufffd", "\\", "\"", "/", " ", "A", "-", "7");

    private static final List<String> WRONG_TYPES = List.of("true", "false", "null", "[]", "{}", "[1, 2]",
            "{\"a\": 1}", "\"12\"", "12", "-1", "\"\"", "\" \"", "[\"A-1\"]");

    private static final List<String> UNKNOWN_NAMES = List.of("colour", "id", "__proto__", "constructor", "sku ",
            "", "SKU", "onHand", "recordedBy", "role", "\u0000", "$where");

    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "text/json",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
            "garbage", "application/json; charset=ISO-8859-1", "application/json; charset=UTF-16",
            "application/merge-patch+json", "text/html", "json", "application/", "/json", "application/json;;;=");

    private static final List<String> IF_MATCH = List.of("\"0\"", "W/\"0\"", "\"99999999999999999999\"", "\"-1\"",
            "garbage", "\"", "\"\"", "*, \"1\"", "\"1\", garbage", "W/", "  ");

    private static final List<String> IDEMPOTENCY_KEYS = List.of("", " ", "k".repeat(256), "caf\u00e9",
            "' OR 1=1 --", "\u4e2d");

    private static final List<String> ACCEPT = List.of("application/xml", "text/html", "image/png", "application/json;q=0",
            "garbage", "application/json;q=abc", "*/*;q=", ";", "application/problem+json");

    private final Random random;
    private final int maxBodyBytes;

    HostileRequests(Random random, int maxBodyBytes) {
        this.random = random;
        this.maxBodyBytes = maxBodyBytes;
    }

    HostileRequest next(Endpoint endpoint) {
        String family = pick(FAMILIES);
        List<Member> members = new ArrayList<>(endpoint.validMembers().get());
        String method = endpoint.method();
        String path = endpoint.path();
        String contentType = JSON;
        Map<String, String> headers = new java.util.LinkedHashMap<>(endpoint.headers());
        String body;
        boolean chunked = false;
        switch (family) {
            case "broken-json" -> body = broken(render(members));
            case "huge-numbers" -> body = render(replaceNumber(endpoint, members, pick(NUMBERS)));
            case "negative-and-zero" -> body = render(replaceNumber(endpoint, members, pick(NOT_POSITIVE)));
            case "unicode-and-controls" -> body = render(replaceText(endpoint, members, unicodeText()));
            case "sql-and-script" -> body = render(replaceText(endpoint, members, quote(pick(SQL_AND_SCRIPT))));
            case "missing-and-duplicate" -> body = render(missingOrDuplicate(members));
            case "wrong-types" -> body = render(replaceAny(members, pick(WRONG_TYPES)));
            case "wrong-methods" -> {
                method = pick(endpoint.wrongMethods());
                body = render(members);
            }
            case "wrong-content-types" -> {
                int choice = random.nextInt(CONTENT_TYPES.size() + 2);
                contentType = choice < CONTENT_TYPES.size() ? CONTENT_TYPES.get(choice) : choice == CONTENT_TYPES.size() ? "" : null;
                body = render(members);
            }
            case "oversized" -> {
                body = oversized(members);
                chunked = random.nextBoolean();
            }
            case "hostile-headers" -> {
                body = render(members);
                switch (random.nextInt(3)) {
                    case 0 -> headers.put("If-Match", pick(IF_MATCH));
                    case 1 -> headers.put("Idempotency-Key", pick(IDEMPOTENCY_KEYS));
                    default -> headers.put("Accept", pick(ACCEPT));
                }
            }
            case "hostile-paths" -> {
                path = hostilePath(endpoint.path());
                body = render(members);
            }
            default -> throw new IllegalStateException(family);
        }
        if (!endpoint.hasBody() && !family.equals("oversized") && random.nextInt(4) > 0) {
            body = null;  // mostly a DELETE without a body, as sent in practice
            contentType = family.equals("wrong-content-types") ? contentType : null;
        }
        return new HostileRequest(family, method, path, contentType, headers,
                body == null ? null : utf8OrBroken(body), chunked);
    }

    /** Another product in place of the one named (or one more segment): percent-encoded, some decoding to controls. */
    private String hostilePath(String path) {
        String parent = path.startsWith("/products/") ? "/products" : path;
        String segment = switch (random.nextInt(5)) {
            case 0 -> percentEncoded(pick(SQL_AND_SCRIPT));
            case 1 -> percentEncoded(pick(UNICODE_PIECES) + pick(UNICODE_PIECES) + "A");
            case 2 -> pick(List.of("%00", "A%00B", "%0a", "A%1b%5b31m", "%7f", "%c2%85", "%ff%fe", "%ed%a0%80"));
            case 3 -> pick(List.of("..", "%2e%2e", "A%2FB", "%2F", ";x=1", "A;B", "~", "%25", "."));
            default -> "A".repeat(random.nextInt(300) + 65);
        };
        return parent + "/" + segment;
    }

    private static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    /** Almost always the text as UTF-8; now and then a byte that UTF-8 does not allow. */
    private byte[] utf8OrBroken(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 2 && random.nextInt(40) == 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (random.nextBoolean() ? 0xff : 0xc3);
        }
        return bytes;
    }

    private String broken(String json) {
        return switch (random.nextInt(12)) {
            case 0 -> json.substring(0, random.nextInt(json.length()));
            case 1 -> deleteAt(json, random.nextInt(json.length()));
            case 2 -> insertAt(json, random.nextInt(json.length() + 1), pick(List.of("{", "}", "[", "]", "\"", ":", ",", "\\", "'")));
            case 3 -> json.replace('"', '\'');
            case 4 -> json + pick(List.of("}", " xyz", "{}", ",", "\u0000", "[]", "\"x\""));
            case 5 -> "\ufeff" + json;
            case 6 -> pick(List.of("", " ", "\n", "null", "[]", "42", "\"text\"", "true", "{", "}", "{}}"));
            case 7 -> "[".repeat(random.nextInt(5000) + 1) + "]".repeat(random.nextInt(5000));
            case 8 -> "{\"a\": ".repeat(random.nextInt(2000) + 1) + "1" + "}".repeat(random.nextInt(2000));
            case 9 -> json.replace(":", "=");
            case 10 -> json.replaceFirst("\"", "");
            default -> insertAt(json, 1 + random.nextInt(Math.max(1, json.length() - 1)), "\u0001\u0000");
        };
    }

    private List<Member> replaceNumber(Endpoint endpoint, List<Member> members, String number) {
        List<String> targets = endpoint.numberMembers().isEmpty() ? names(members) : endpoint.numberMembers();
        return replace(members, targets.isEmpty() ? "quantity" : pick(targets), number);
    }

    private List<Member> replaceText(Endpoint endpoint, List<Member> members, String json) {
        List<String> targets = endpoint.textMembers().isEmpty() ? List.of("note") : endpoint.textMembers();
        return replace(members, pick(targets), json);
    }

    private List<Member> replaceAny(List<Member> members, String json) {
        return replace(members, members.isEmpty() ? "note" : pick(names(members)), json);
    }

    private List<Member> missingOrDuplicate(List<Member> members) {
        List<Member> changed = new ArrayList<>(members);
        switch (random.nextInt(4)) {
            case 0 -> changed.removeIf(member -> random.nextBoolean());
            case 1 -> {
                if (!changed.isEmpty()) {
                    Member twice = pick(changed);
                    changed.add(random.nextInt(changed.size() + 1),
                            new Member(twice.name(), random.nextBoolean() ? twice.json() : "\"other\""));
                }
            }
            case 2 -> changed.add(new Member(pick(UNKNOWN_NAMES), pick(WRONG_TYPES)));
            default -> changed.clear();
        }
        return changed;
    }

    private String oversized(List<Member> members) {
        int size = maxBodyBytes + 1 + random.nextInt(3 * maxBodyBytes);
        List<Member> padded = new ArrayList<>(members);
        if (random.nextBoolean()) {
            padded.add(new Member(padded.isEmpty() ? "name" : padded.getLast().name() + "x", quote("x".repeat(size))));
            return render(padded);
        }
        String json = render(padded);
        return json + " ".repeat(Math.max(0, size - json.length()));
    }

    /** A JSON string of random pieces, escaped as JSON allows, or now and then raw (which JSON does not allow). */
    private String unicodeText() {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(8) + 1;
        for (int i = 0; i < pieces; i++) {
            text.append(pick(UNICODE_PIECES));
        }
        if (random.nextInt(10) == 0) {
            text.append("x".repeat(random.nextInt(3000)));
        }
        return random.nextInt(8) == 0 ? "\"" + text + "\"" : quote(text.toString());
    }

    private static List<Member> replace(List<Member> members, String name, String json) {
        List<Member> changed = new ArrayList<>();
        boolean replaced = false;
        for (Member member : members) {
            if (member.name().equals(name)) {
                changed.add(new Member(name, json));
                replaced = true;
            } else {
                changed.add(member);
            }
        }
        if (!replaced) {
            changed.add(new Member(name, json));
        }
        return changed;
    }

    static String render(List<Member> members) {
        StringBuilder json = new StringBuilder("{");
        for (Member member : members) {
            if (json.length() > 1) {
                json.append(", ");
            }
            json.append(quote(member.name())).append(": ").append(member.json());
        }
        return json.append('}').toString();
    }

    /** A JSON string literal; every control character and lone surrogate escaped as {@code \\uXXXX}. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || Character.isISOControl(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static List<String> names(List<Member> members) {
        return members.stream().map(Member::name).toList();
    }

    private static String deleteAt(String text, int index) {
        return text.substring(0, index) + text.substring(Math.min(text.length(), index + 1));
    }

    private static String insertAt(String text, int index, String inserted) {
        return text.substring(0, index) + inserted + text.substring(index);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
