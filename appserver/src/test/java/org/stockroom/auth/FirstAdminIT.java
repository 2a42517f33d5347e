package org.stockroom.auth;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.auth.password.PasswordHasher;
import org.stockroom.auth.user.FirstAdmin;
import org.stockroom.database.DatabaseCoordinates;
import org.stockroom.database.DatabaseMigrations;
import org.stockroom.database.EmbeddedDatabase;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The first administrator, on a database of its own (the test server's has its admin already). */
class FirstAdminIT {

    private static final String PASSWORD = "a configured password";

    private static EmbeddedDatabase embedded;
    private static DatabaseCoordinates database;

    private final PasswordHasher hasher = new PasswordHasher(1_000, new SecureRandom());

    @BeforeAll
    static void startDatabase() throws IOException {
        embedded = EmbeddedDatabase.startTemporary();
        database = embedded.coordinates();
        DatabaseMigrations.migrate(database);
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        embedded.close();
    }

    @BeforeEach
    void noUsers() throws SQLException {
        update("delete from app_user");
    }

    @Test
    void givenAConfiguredPassword_whenThereIsNoAdmin_thenAdminIsCreatedWithIt() throws SQLException {
        FirstAdmin.Outcome outcome = FirstAdmin.ensure(database, Optional.of(PASSWORD), false, hasher);

        assertThat(outcome.kind()).isEqualTo(FirstAdmin.Kind.CREATED_WITH_CONFIGURED_PASSWORD);
        assertThat(outcome.generatedPassword()).isEmpty();
        assertThat(hasher.verify(PASSWORD.toCharArray(), adminHash())).isTrue();
    }

    @Test
    void givenNoPasswordOnADemoRun_whenThereIsNoAdmin_thenAdminGetsAGeneratedPassword() throws SQLException {
        FirstAdmin.Outcome outcome = FirstAdmin.ensure(database, Optional.empty(), true, hasher);

        assertThat(outcome.kind()).isEqualTo(FirstAdmin.Kind.CREATED_WITH_GENERATED_PASSWORD);
        String generated = outcome.generatedPassword().orElseThrow();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
        assertThat(hasher.verify(generated.toCharArray(), adminHash())).isTrue();
        assertThat(outcome.toString()).doesNotContain(generated);
    }

    @Test
    void givenNoPasswordAndNoDemoData_whenThereIsNoAdmin_thenNoneIsCreated() throws SQLException {
        FirstAdmin.Outcome outcome = FirstAdmin.ensure(database, Optional.empty(), false, hasher);

        assertThat(outcome.kind()).isEqualTo(FirstAdmin.Kind.NOT_CREATED);
        assertThat(count()).isZero();
    }

    @Test
    void givenAnAdmin_whenStartedAgainWithAnotherPassword_thenNothingChanges() throws SQLException {
        FirstAdmin.ensure(database, Optional.of(PASSWORD), false, hasher);
        String before = adminHash();

        FirstAdmin.Outcome again = FirstAdmin.ensure(database, Optional.of("another password here"), true, hasher);

        assertThat(again.kind()).isEqualTo(FirstAdmin.Kind.ADMIN_EXISTS);
        assertThat(again.generatedPassword()).isEmpty();
        assertThat(adminHash()).isEqualTo(before);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void givenTheNameAdminTakenByAClerk_whenThereIsNoAdmin_thenNoneIsCreated() throws SQLException {
        update("insert into app_user (username, password_hash, role) values ('Admin', '"
                + hasher.hash("x".toCharArray()) + "', 'clerk')");

        FirstAdmin.Outcome outcome = FirstAdmin.ensure(database, Optional.of(PASSWORD), false, hasher);

        assertThat(outcome.kind()).isEqualTo(FirstAdmin.Kind.NAME_TAKEN);
        assertThat(count()).isEqualTo(1);
    }

    private static String adminHash() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "select password_hash from app_user where username = 'admin' and role = 'admin'")) {
            assertThat(row.next()).as("the admin exists").isTrue();
            return row.getString(1);
        }
    }

    private static long count() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from app_user")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void update(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
