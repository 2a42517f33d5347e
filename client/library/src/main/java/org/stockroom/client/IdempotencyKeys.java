package org.stockroom.client;

import java.util.UUID;

/**
 * Keys for the {@code Idempotency-Key} header. Send one key with one intended change, and the
 * same key again when repeating that change: the server applies it once and answers a repeat
 * with its original answer. A new change needs a new key.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    /** The longest key this client sends. */
    public static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    /** A fresh key: a random UUID, e.g. {@code 3b241101-e2bb-4255-8caf-4136c566a962}. */
    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** The key, if it is 1 to 255 visible ASCII characters (what fits in a header unchanged). */
    static String requireValid(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH
                || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("an idempotency key must be 1 to " + MAX_LENGTH
                    + " visible ASCII characters: " + (key == null ? null : "'" + key + "'"));
        }
        return key;
    }
}
