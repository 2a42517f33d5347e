package org.stockroom.auth.password;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The password rules of the API and the one {@link PasswordHasher} the server uses. Hashing
 * takes 100-200 ms of CPU on purpose: call it outside any transaction, so that no pooled
 * connection waits on it.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    public static final String LENGTH_RULE = "must be from " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long";

    private final PasswordHasher hasher = new PasswordHasher();

    public String hash(String password) {
        return hasher.hash(password.toCharArray());
    }

    public boolean verify(String password, String storedHash) {
        return hasher.verify(password.toCharArray(), storedHash);
    }

    /** Whether the stored hash was made with fewer iterations than new ones get. */
    public boolean needsRehash(String storedHash) {
        return hasher.needsRehash(storedHash);
    }
}
