package org.stockroom.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.database.Fixtures.count;
import static org.stockroom.database.Fixtures.execute;
import static org.stockroom.database.Refusals.CHECK_VIOLATION;
import static org.stockroom.database.Refusals.UNIQUE_VIOLATION;
import static org.stockroom.database.Refusals.assertRefused;

/** V5: users with a known role and a PBKDF2 hash; tokens stored only as their SHA-256. */
class UserAndTokenConstraintsIT {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase();

    private static final String HASH = "pbkdf2-sha256$210000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=";
    private static final String ADD_USER = "insert into app_user (username, password_hash, role) values (?, ?, ?)";
    private static final String ADD_TOKEN = """
            insert into auth_token (token_hash, user_id, expires_at)
            values (?, (select id from app_user where username = ?), now() + interval '8 hours')""";

    @Test
    void aUserNameIsUniqueIgnoringCase() throws Exception {
        try (Connection connection = database.connect()) {
            String name = Fixtures.uniqueCode("clerk");
            execute(connection, ADD_USER, name, HASH, "clerk");

            assertRefused(UNIQUE_VIOLATION, "app_user_username_lower_unique",
                    () -> execute(connection, ADD_USER, name.toUpperCase(), HASH, "clerk"));
            assertRefused(UNIQUE_VIOLATION, () -> execute(connection, ADD_USER, name, HASH, "viewer"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Admin", "root", "", "superuser"})
    void anUnknownRoleIsRefused(String role) throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "app_user_role_known",
                    () -> execute(connection, ADD_USER, Fixtures.uniqueCode("u"), HASH, role));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret password", "", "sha256$1$abc$def", "pbkdf2-sha256$x$abc$def"})
    void aPasswordThatIsNoPbkdf2HashIsRefused(String passwordHash) throws Exception {
        try (Connection connection = database.connect()) {
            assertRefused(CHECK_VIOLATION, "app_user_password_hash_format",
                    () -> execute(connection, ADD_USER, Fixtures.uniqueCode("u"), passwordHash, "viewer"));
        }
    }

    @Test
    void aTokenIsStoredAsItsSha256InHexOnly() throws Exception {
        try (Connection connection = database.connect()) {
            String name = Fixtures.uniqueCode("viewer");
            execute(connection, ADD_USER, name, HASH, "viewer");

            execute(connection, ADD_TOKEN, "0123456789abcdef".repeat(4), name);
            assertRefused(CHECK_VIOLATION, "auth_token_hash_format",
                    () -> execute(connection, ADD_TOKEN, "q3Vb2m0xY6mN4pQ1cHh7sJ8uK0wZ5rT9eF2gA1dL3yE", name));
            assertRefused(CHECK_VIOLATION, "auth_token_hash_format",
                    () -> execute(connection, ADD_TOKEN, "0123456789ABCDEF".repeat(4), name));
        }
    }

    @Test
    void deletingAUserDeletesItsTokens() throws Exception {
        try (Connection connection = database.connect()) {
            String name = Fixtures.uniqueCode("gone");
            execute(connection, ADD_USER, name, HASH, "manager");
            execute(connection, ADD_TOKEN, "fedcba9876543210".repeat(4), name);

            execute(connection, "delete from app_user where username = ?", name);

            assertThat(count(connection, "select count(*) from auth_token where token_hash = '"
                    + "fedcba9876543210".repeat(4) + "'")).isZero();
        }
    }

    @Test
    void aTokenCannotExpireBeforeItWasIssued() throws SQLException {
        try (Connection connection = database.connect()) {
            String name = Fixtures.uniqueCode("early");
            execute(connection, ADD_USER, name, HASH, "viewer");
            assertRefused(CHECK_VIOLATION, "auth_token_expires_after_issue", () -> execute(connection, """
                    insert into auth_token (token_hash, user_id, expires_at)
                    values (?, (select id from app_user where username = ?), now() - interval '1 second')""",
                    "00112233445566778899aabbccddeeff".repeat(2), name));
        }
    }
}
