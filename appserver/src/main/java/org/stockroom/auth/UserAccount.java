package org.stockroom.auth;

/** A user as log-in needs it. {@code toString} leaves the password hash out. */
public record UserAccount(long id, String username, String passwordHash, Role role, boolean disabled) {

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", username=" + username + ", role=" + role + ", disabled=" + disabled + "]";
    }
}
