package org.stockroom.desktop.dialogs;

import org.stockroom.client.IdempotencyKeys;

/**
 * The idempotency key of a form's request: the same while the user sends the same thing again
 * (after a lost answer it must not be applied twice), a new one once they changed it (the
 * server refuses a key reused for a different request).
 */
public final class RequestKeys {

    private Object lastBody;
    private String lastKey;

    public String keyFor(Object body) {
        if (!body.equals(lastBody)) {
            lastBody = body;
            lastKey = IdempotencyKeys.newKey();
        }
        return lastKey;
    }
}
