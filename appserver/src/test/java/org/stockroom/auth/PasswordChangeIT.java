package org.stockroom.auth;

import org.junit.jupiter.api.Test;
import org.stockroom.auth.password.PasswordHasher;
import org.stockroom.security.Role;
import org.stockroom.testing.ServerLog;
import org.stockroom.testing.StockroomTestServer;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.stockroom.auth.UserApiIT.PASSWORD;
import static org.stockroom.auth.UserApiIT.createUser;
import static org.stockroom.auth.UserApiIT.logIn;
import static org.stockroom.testing.Api.anonymous;
import static org.stockroom.testing.Api.unique;

/** A user's own password change ({@code POST /auth/password}) and the re-hashing of old hashes at log-in. */
class PasswordChangeIT {

    private static final String PROBLEMS = "https://stockroom.dev/problems/";

    @Test
    void givenTheRightCurrentPassword_whenChanged_then204AndEveryTokenOfTheUserRevoked() {
        String name = createUser(Role.VIEWER);
        String used = logIn(name, PASSWORD);
        String other = logIn(name, PASSWORD);
        String newPassword = "my new password " + name;
        as(other).get("/auth/me").then().statusCode(200);

        as(used).body(Map.of("currentPassword", PASSWORD, "newPassword", newPassword)).post("/auth/password").then()
                .statusCode(204);

        as(used).get("/auth/me").then().statusCode(401);
        as(other).get("/auth/me").then().statusCode(401);
        anonymous().body(Map.of("username", name, "password", PASSWORD)).post("/auth/token").then().statusCode(401);
        as(logIn(name, newPassword)).get("/auth/me").then().statusCode(200).body("username", equalTo(name));
    }

    @Test
    void givenAWrongCurrentPassword_whenChanged_then403AndNothingChanges() {
        String name = createUser(Role.CLERK);
        String token = logIn(name, PASSWORD);

        as(token).body(Map.of("currentPassword", PASSWORD + "x", "newPassword", "never stored " + name))
                .post("/auth/password").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "forbidden"))
                .body("detail", equalTo("The current password is wrong"));

        as(token).get("/auth/me").then().statusCode(200);
        logIn(name, PASSWORD);
    }

    @Test
    void givenBadBodies_whenChanged_then422Or400AndNothingChanges() {
        String name = createUser(Role.CLERK);
        String token = logIn(name, PASSWORD);

        as(token).body(Map.of("currentPassword", PASSWORD, "newPassword", "too short")).post("/auth/password").then()
                .statusCode(422).body("errors.pointer", equalTo(List.of("/newPassword")));
        as(token).body(Map.of("currentPassword", PASSWORD, "newPassword", "n".repeat(257))).post("/auth/password").then()
                .statusCode(422);
        as(token).body(Map.of("newPassword", "a good new password")).post("/auth/password").then()
                .statusCode(422).body("errors.pointer", equalTo(List.of("/currentPassword")));
        as(token).post("/auth/password").then().statusCode(400);
        as(token).body("{\"currentPassword\": 5").post("/auth/password").then().statusCode(400);

        as(token).get("/auth/me").then().statusCode(200);
        logIn(name, PASSWORD);
    }

    @Test
    void givenNoToken_whenChanged_then401() {
        anonymous().body(Map.of("currentPassword", PASSWORD, "newPassword", "a good new password")).post("/auth/password")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer realm=\"stockroom\""));
    }

    @Test
    void givenPasswordsSentToChangeOne_thenNoAnswerAndNoServerLogLineHoldsThem() {
        String name = createUser(Role.VIEWER);
        String token = logIn(name, PASSWORD);
        String wrong = "wrong current " + name;
        String newPassword = "brand new " + name;

        try (ServerLog log = ServerLog.capture()) {
            String refused = as(token).body(Map.of("currentPassword", wrong, "newPassword", newPassword))
                    .post("/auth/password").then().statusCode(403).extract().asString();
            String done = as(token).body(Map.of("currentPassword", PASSWORD, "newPassword", newPassword))
                    .post("/auth/password").then().statusCode(204).extract().asString();

            assertThat(List.of(refused, done)).allSatisfy(answer -> assertThat(answer)
                    .doesNotContain(wrong).doesNotContain(newPassword).doesNotContain(PASSWORD));
            assertThat(log.lines()).noneMatch(line -> line.contains(wrong) || line.contains(newPassword)
                    || line.contains(PASSWORD));
        }
    }

    @Test
    void givenAHashWithFewIterations_whenTheUserLogsIn_thenTheHashIsReplacedByAStrongerOneOfTheSamePassword()
            throws SQLException {
        String name = unique("legacy");
        String password = "an old password of " + name;
        String weak = new PasswordHasher(1_000, new SecureRandom()).hash(password.toCharArray());
        insertUser(name, weak);
        String changedAt = column(name, "password_changed_at::text");

        as(logIn(name, password)).get("/auth/me").then().statusCode(200).body("role", equalTo("clerk"));

        String stored = column(name, "password_hash");
        assertThat(stored).isNotEqualTo(weak);
        assertThat(PasswordHasher.iterationsOf(stored)).isEqualTo(PasswordHasher.DEFAULT_ITERATIONS);
        assertThat(new PasswordHasher().verify(password.toCharArray(), stored)).isTrue();
        assertThat(column(name, "password_changed_at::text")).as("the same password: not a change").isEqualTo(changedAt);

        logIn(name, password);
        assertThat(column(name, "password_hash")).as("a strong hash is kept").isEqualTo(stored);
    }

    @Test
    void givenAHashWithFewIterations_whenAWrongPasswordIsTried_thenTheHashStays() throws SQLException {
        String name = unique("legacy");
        String weak = new PasswordHasher(1_000, new SecureRandom()).hash(("the password of " + name).toCharArray());
        insertUser(name, weak);

        anonymous().body(Map.of("username", name, "password", "not the password")).post("/auth/token").then().statusCode(401);

        assertThat(column(name, "password_hash")).isEqualTo(weak);
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    private static void insertUser(String name, String passwordHash) throws SQLException {
        try (Connection connection = StockroomTestServer.database().connect();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into app_user (username, password_hash, role) values (?, ?, 'clerk')")) {
            insert.setString(1, name);
            insert.setString(2, passwordHash);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private static String column(String name, String expression) throws SQLException {
        try (Connection connection = StockroomTestServer.database().connect();
             PreparedStatement select = connection.prepareStatement(
                     "select " + expression + " from app_user where username = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }
}
