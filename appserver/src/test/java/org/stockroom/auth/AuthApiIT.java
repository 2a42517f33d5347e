package org.stockroom.auth;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.stockroom.auth.password.PasswordHasher;
import org.stockroom.auth.token.BearerTokens;
import org.stockroom.testing.Ledger;
import org.stockroom.testing.StockroomTestServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.stockroom.testing.Api.anonymous;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.unique;
import static org.stockroom.testing.StockroomTestServer.ADMIN_PASSWORD;

class AuthApiIT {

    private static final String CHALLENGE = "Bearer realm=\"stockroom\"";
    private static final String UNAUTHORIZED = "https://stockroom.dev/problems/unauthorized";

    @Test
    void givenTheAdminsPassword_whenATokenIsRequested_thenABearerTokenValidForEightHours() {
        Instant before = Instant.now();

        Response answer = api().body(Map.of("username", "admin", "password", ADMIN_PASSWORD)).post("/auth/token");

        answer.then()
                .statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("token", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("tokenType", equalTo("Bearer"))
                .body("username", equalTo("admin"))
                .body("role", equalTo("admin"))
                .body("expiresAt", notNullValue());
        Instant expiresAt = Instant.parse(answer.path("expiresAt"));
        assertThat(Duration.between(before, expiresAt)).isBetween(Duration.ofHours(8).minusMinutes(1),
                Duration.ofHours(8).plusMinutes(1));
    }

    @Test
    void givenAToken_whenMeIsAsked_thenTheUserAndExpiry() {
        Response issued = logInAsAdmin();

        api().header("Authorization", "Bearer " + issued.path("token"))
                .get("/auth/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("admin"))
                .body("role", equalTo("admin"))
                .body("expiresAt", equalTo(issued.path("expiresAt")));
    }

    @Test
    void givenTheUserNameInAnotherCase_whenATokenIsRequested_thenTheSameUser() {
        api().body(Map.of("username", "ADMIN", "password", ADMIN_PASSWORD))
                .post("/auth/token")
                .then()
                .statusCode(200)
                .body("username", equalTo("admin"));
    }

    @Test
    void givenALoggedOutToken_whenMeIsAsked_then401() {
        String token = logInAsAdmin().path("token");

        api().header("Authorization", "Bearer " + token).post("/auth/logout").then().statusCode(204);

        assertUnauthorized(api().header("Authorization", "Bearer " + token).get("/auth/me"), "/api/v1/auth/me");
        assertUnauthorized(api().header("Authorization", "Bearer " + token).post("/auth/logout"), "/api/v1/auth/logout");
    }

    @Test
    void givenALoggedOutToken_thenOtherTokensOfTheUserStayValid() {
        String kept = logInAsAdmin().path("token");
        String dropped = logInAsAdmin().path("token");

        api().header("Authorization", "Bearer " + dropped).post("/auth/logout").then().statusCode(204);

        api().header("Authorization", "Bearer " + kept).get("/auth/me").then().statusCode(200);
    }

    @Test
    void givenAWrongPassword_whenATokenIsRequested_then401WithAChallenge() {
        Response answer = api().body(Map.of("username", "admin", "password", ADMIN_PASSWORD + "x")).post("/auth/token");

        assertUnauthorized(answer, "/api/v1/auth/token");
        answer.then().body("detail", equalTo("Wrong user name or password"));
    }

    @Test
    void givenAnUnknownUser_whenATokenIsRequested_thenTheSame401AsForAWrongPassword() {
        Response wrongPassword = api().body(Map.of("username", "admin", "password", "not the password"))
                .post("/auth/token");
        Response unknownUser = api().body(Map.of("username", unique("nobody"), "password", ADMIN_PASSWORD))
                .post("/auth/token");

        assertUnauthorized(unknownUser, "/api/v1/auth/token");
        assertThat(unknownUser.asString()).isEqualTo(wrongPassword.asString());
        assertThat(unknownUser.header("WWW-Authenticate")).isEqualTo(wrongPassword.header("WWW-Authenticate"));
    }

    @Test
    void givenNoOrAMalformedOrAnUnknownToken_whenMeIsAsked_then401WithAChallenge() {
        assertUnauthorized(anonymous().get("/auth/me"), "/api/v1/auth/me");
        assertUnauthorized(api().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/auth/me"), "/api/v1/auth/me");
        assertUnauthorized(api().header("Authorization", "Bearer not-a-token").get("/auth/me"), "/api/v1/auth/me");
        assertUnauthorized(api().header("Authorization", "Bearer " + BearerTokens.generate()).get("/auth/me"),
                "/api/v1/auth/me");
        assertUnauthorized(anonymous().post("/auth/logout"), "/api/v1/auth/logout");
    }

    @Test
    void givenTokensEndedMoreThanADayAgo_whenTheUserLogsIn_thenTheyAreDeletedAndRecentOnesKept() throws SQLException {
        String username = unique("tidy");
        String password = "tidy password 12345";
        api().body(Map.of("username", username, "password", password, "role", "viewer")).post("/users")
                .then().statusCode(201);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tokens.add(anonymous().body(Map.of("username", username, "password", password)).post("/auth/token")
                    .then().statusCode(200).extract().path("token"));
        }
        // 0 expired two days ago, 1 was revoked two days ago, 2 expired an hour ago: only 0 and 1 may go.
        setTimes(tokens.get(0), "now() - interval '3 days'", "now() - interval '2 days'", null);
        setTimes(tokens.get(1), "now() - interval '3 days'", "now() + interval '1 hour'", "now() - interval '2 days'");
        setTimes(tokens.get(2), "now() - interval '9 hours'", "now() - interval '1 hour'", null);

        anonymous().body(Map.of("username", username, "password", password)).post("/auth/token").then().statusCode(200);

        assertThat(tokens.stream().map(token -> Ledger.queryLong(
                "select count(*) from auth_token where token_hash = ?", BearerTokens.hash(token))))
                .containsExactly(0L, 0L, 1L, 1L);
        assertThat(Ledger.queryLong("""
                select count(*) from auth_token t join app_user u on u.id = t.user_id where u.username = ?""", username))
                .isEqualTo(3);
    }

    private static void setTimes(String token, String issuedAt, String expiresAt, String revokedAt) throws SQLException {
        try (Connection connection = StockroomTestServer.database().connect();
             PreparedStatement update = connection.prepareStatement("update auth_token set issued_at = " + issuedAt
                     + ", expires_at = " + expiresAt + ", revoked_at = " + (revokedAt == null ? "null" : revokedAt)
                     + " where token_hash = ?")) {
            update.setString(1, BearerTokens.hash(token));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void givenAnExpiredToken_whenMeIsAsked_then401() throws SQLException, InterruptedException {
        String token = logInAsAdmin().path("token");
        api().header("Authorization", "Bearer " + token).get("/auth/me").then().statusCode(200);

        try (Connection connection = StockroomTestServer.database().connect();
             PreparedStatement expire = connection.prepareStatement("""
                     update auth_token set issued_at = now() - interval '9 hours', expires_at = now() - interval '1 hour'
                      where token_hash = ?""")) {
            expire.setString(1, BearerTokens.hash(token));
            assertThat(expire.executeUpdate()).isEqualTo(1);
        }
        // A change made in SQL, behind the server's back, is seen once the session it cached is stale.
        Thread.sleep(StockroomTestServer.SESSION_CACHE_TTL.plusMillis(200).toMillis());

        assertUnauthorized(api().header("Authorization", "Bearer " + token).get("/auth/me"), "/api/v1/auth/me");
    }

    @Test
    void givenAnIssuedToken_whenTheDatabaseIsRead_thenItHoldsOnlyTheTokensHash() throws SQLException {
        String token = logInAsAdmin().path("token");
        String hash = BearerTokens.hash(token);

        List<String> values = new ArrayList<>();
        try (Connection connection = StockroomTestServer.database().connect();
             PreparedStatement select = connection.prepareStatement("select * from auth_token where token_hash = ?")) {
            select.setString(1, hash);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("the row of the token's hash").isTrue();
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    values.add(row.getString(column));
                }
            }
        }
        assertThat(values).hasSize(5);  // token_hash, user_id, issued_at, expires_at, revoked_at (null)
        assertThat(values.subList(0, 1)).containsExactly(hash);
        assertThat(values).noneMatch(value -> value != null && value.contains(token));
    }

    @Test
    void givenTheAdmin_whenTheDatabaseIsRead_thenThePasswordIsStoredOnlyAsAPbkdf2Hash() throws SQLException {
        try (Connection connection = StockroomTestServer.database().connect();
             PreparedStatement select = connection.prepareStatement(
                     "select password_hash from app_user where username = 'admin'");
             ResultSet row = select.executeQuery()) {
            assertThat(row.next()).isTrue();
            String stored = row.getString(1);
            assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain(ADMIN_PASSWORD);
            assertThat(PasswordHasher.iterationsOf(stored)).isGreaterThanOrEqualTo(210_000);
        }
    }

    @Test
    void givenNoPassword_whenATokenIsRequested_then422() {
        api().body(Map.of("username", "admin"))
                .post("/auth/token")
                .then()
                .statusCode(422)
                .body("errors.pointer", equalTo(List.of("/password")));
    }

    private static Response logInAsAdmin() {
        Response answer = api().body(Map.of("username", "admin", "password", ADMIN_PASSWORD)).post("/auth/token");
        answer.then().statusCode(200);
        return answer;
    }

    private static void assertUnauthorized(Response answer, String path) {
        answer.then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith(CHALLENGE))
                .body("type", equalTo(UNAUTHORIZED))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("instance", equalTo(path));
    }
}
