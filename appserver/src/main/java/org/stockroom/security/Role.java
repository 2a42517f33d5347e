package org.stockroom.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a user may do, each role including the ones before it: viewer &lt; clerk &lt; manager &lt; admin.
 * Stored in {@code app_user.role} in lower case. Enforced by {@code auth.AuthorizationFilter} (docs/security.md).
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

    /** The role of that name ({@code clerk}, in any case); empty for a name that is no role. */
    public static Optional<Role> known(String value) {
        return Arrays.stream(values()).filter(role -> role.name().equalsIgnoreCase(value)).findFirst();
    }

    /** Whether this role may do what {@code required} may. */
    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }
}
