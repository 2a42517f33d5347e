package org.stockroom.desktop.connection;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Who is logged in, and what their role lets them do; the server enforces it, the window mirrors it. */
public record UserSession(String server, String username, String role, Instant expiresAt) {

    private static final List<String> LADDER = List.of("viewer", "clerk", "manager", "admin");

    /** Whether this user's role is {@code role} or above it on the ladder viewer &lt; clerk &lt; manager &lt; admin. */
    public boolean mayActAs(String role) {
        return LADDER.indexOf(this.role.toLowerCase(Locale.ROOT)) >= LADDER.indexOf(role);
    }

    public boolean mayMoveStock() {
        return mayActAs("clerk");
    }

    public boolean mayEditCatalogue() {
        return mayActAs("manager");
    }

    /** Whether this user may post a stocktake's differences to the stock. */
    public boolean mayPostStocktakes() {
        return mayActAs("manager");
    }
}
