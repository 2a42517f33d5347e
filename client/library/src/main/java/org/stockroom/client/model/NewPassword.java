package org.stockroom.client.model;

/** The body of {@code POST /users/{username}/password}; {@link #toString()} leaves the password out. */
public record NewPassword(String password) {

    @Override
    public String toString() {
        return "NewPassword[]";
    }
}
