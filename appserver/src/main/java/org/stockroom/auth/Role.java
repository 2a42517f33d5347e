package org.stockroom.auth;

import java.util.Locale;

/**
 * What a user may do, each role including the ones before it: viewer &lt; clerk &lt; manager &lt; admin.
 * Stored in {@code app_user.role} in lower case. Not enforced on any endpoint yet (docs/security.md).
 */
public enum Role {
    VIEWER, CLERK, MANAGER, ADMIN;

    /** The name stored in the database and shown by the API, e.g. {@code clerk}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Whether this role may do what {@code required} may. */
    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }
}
