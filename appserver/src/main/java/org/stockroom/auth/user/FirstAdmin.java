package org.stockroom.auth.user;

import org.stockroom.auth.password.PasswordHasher;
import org.stockroom.database.DatabaseCoordinates;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;

/**
 * Makes sure there is an administrator, at start-up and before the API serves requests: when
 * {@code app_user} has no user with the role {@code admin}, creates the user {@value #USERNAME}
 * with the password of {@code STOCKROOM_ADMIN_PASSWORD}, or, for a local demo run only, with a
 * generated one that the caller shows once. There is no built-in default password.
 */
public final class FirstAdmin {

    public static final String USERNAME = "admin";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What {@link #ensure} did. {@code generatedPassword} is set only for {@link Kind#CREATED_WITH_GENERATED_PASSWORD}. */
    public record Outcome(Kind kind, Optional<String> generatedPassword) {

        @Override
        public String toString() {
            return "Outcome[" + kind + "]";
        }
    }

    public enum Kind {
        /** There is an administrator already; nothing was changed. */
        ADMIN_EXISTS,
        /** {@value #USERNAME} was created with the configured password. */
        CREATED_WITH_CONFIGURED_PASSWORD,
        /** {@value #USERNAME} was created with a generated password, to be shown once. */
        CREATED_WITH_GENERATED_PASSWORD,
        /** No administrator, and none was created: no password was configured and this is not a demo run. */
        NOT_CREATED,
        /** No administrator, but the name {@value #USERNAME} belongs to a user of another role. */
        NAME_TAKEN
    }

    private FirstAdmin() {
    }

    /**
     * @param configuredPassword {@code STOCKROOM_ADMIN_PASSWORD}, if set
     * @param generateIfNone     whether to generate a password when none is configured (local demo runs)
     */
    public static Outcome ensure(DatabaseCoordinates database, Optional<String> configuredPassword,
                                 boolean generateIfNone, PasswordHasher hasher) throws SQLException {
        try (Connection connection = database.connect()) {
            if (adminExists(connection)) {
                return new Outcome(Kind.ADMIN_EXISTS, Optional.empty());
            }
            Optional<String> generated = configuredPassword.isEmpty() && generateIfNone
                    ? Optional.of(generatePassword()) : Optional.empty();
            Optional<String> password = configuredPassword.or(() -> generated);
            if (password.isEmpty()) {
                return new Outcome(Kind.NOT_CREATED, Optional.empty());
            }
            if (!insertAdmin(connection, hasher.hash(password.get().toCharArray()))) {
                // A server starting beside this one may have created it a moment ago.
                return adminExists(connection) ? new Outcome(Kind.ADMIN_EXISTS, Optional.empty())
                        : new Outcome(Kind.NAME_TAKEN, Optional.empty());
            }
            return generated.isPresent() ? new Outcome(Kind.CREATED_WITH_GENERATED_PASSWORD, generated)
                    : new Outcome(Kind.CREATED_WITH_CONFIGURED_PASSWORD, Optional.empty());
        }
    }

    private static boolean adminExists(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select exists (select 1 from app_user where role = 'admin')");
             ResultSet result = select.executeQuery()) {
            result.next();
            return result.getBoolean(1);
        }
    }

    private static boolean insertAdmin(Connection connection, String passwordHash) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into app_user (username, password_hash, role) values (?, ?, 'admin')
                on conflict do nothing""")) {
            insert.setString(1, USERNAME);
            insert.setString(2, passwordHash);
            return insert.executeUpdate() == 1;
        }
    }

    /** 18 random bytes, base64url: 24 characters, 144 bits. */
    private static String generatePassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
