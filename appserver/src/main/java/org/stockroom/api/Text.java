package org.stockroom.api;

/** How the API reads text, in bodies, paths and query parameters alike. */
public final class Text {

    /** The message for a value with a control character in it. */
    public static final String NO_CONTROL_CHARACTERS = "must not contain control characters";

    private Text() {
    }

    /** Absent or blank means "not given"; otherwise the value without surrounding white space. */
    public static String trimmedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Whether the value holds a C0 or C1 control character or DEL (Unicode category Cc). */
    public static boolean hasControlCharacter(String value) {
        return value != null && value.chars().anyMatch(Character::isISOControl);
    }

    /** The value with its control characters dropped, to name a field in an answer without echoing them. */
    static String withoutControlCharacters(String value) {
        StringBuilder kept = new StringBuilder();
        value.chars().filter(c -> !Character.isISOControl(c)).forEach(c -> kept.append((char) c));
        return kept.toString();
    }
}
