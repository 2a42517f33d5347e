package org.stockroom.auth.user;

import org.stockroom.security.Role;

import java.util.Optional;

/**
 * A change of a user's role and/or disabled flag ({@code PATCH /users/{username}}); a null
 * part stays as it is. Knows the rules that keep the stockroom administrable.
 */
public record UserChange(Role role, Boolean disabled) {

    /** Whether the change asks for anything at all. */
    public boolean isEmpty() {
        return role == null && disabled == null;
    }

    /** Whether the user is an enabled admin now and would not be after the change. */
    public boolean removesAnAdmin(UserAccount user) {
        return user.isEnabledAdmin() && ((role != null && role != Role.ADMIN) || Boolean.TRUE.equals(disabled));
    }

    /**
     * Why {@code actingAdmin} may not make this change to {@code user}, if it may not: no
     * admin disables or demotes itself (it would lock itself out mid-session), and the last
     * enabled admin stays one, or nobody could manage users any more.
     *
     * @param enabledAdmins how many enabled admins there are now, {@code user} included if it is one
     */
    public Optional<String> refusal(String actingAdmin, UserAccount user, int enabledAdmins) {
        if (!removesAnAdmin(user)) {
            return Optional.empty();
        }
        if (user.username().equalsIgnoreCase(actingAdmin)) {
            return Optional.of("An admin may not disable or demote themselves; ask another admin");
        }
        if (enabledAdmins <= 1) {
            return Optional.of("'" + user.username() + "' is the last enabled admin: make another user admin first");
        }
        return Optional.empty();
    }
}
