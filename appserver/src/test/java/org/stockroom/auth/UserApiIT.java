package org.stockroom.auth;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.stockroom.security.Role;
import org.stockroom.testing.Ledger;
import org.stockroom.testing.ServerLog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.stockroom.testing.Api.anonymous;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.as;
import static org.stockroom.testing.Api.unique;

/** The users API: {@code /users} for admins. Each test makes users of its own; test-admin and admin stay as they are. */
class UserApiIT {

    static final String PASSWORD = "a long enough password 1";
    private static final String PROBLEMS = "https://stockroom.dev/problems/";

    @Test
    void givenANewUser_whenCreated_then201WithLocationAndTheUserWithoutAnyPassword() {
        String name = unique("Ursula");
        Instant before = Instant.now().minusSeconds(5);

        Response answer = api().body(Map.of("username", name, "password", PASSWORD, "role", "clerk")).post("/users");

        answer.then()
                .statusCode(201)
                .contentType("application/json")
                .header("Location", equalTo("/api/v1/users/" + name))
                .body("username", equalTo(name))
                .body("role", equalTo("clerk"))
                .body("disabled", equalTo(false))
                .body("createdAt", notNullValue())
                .body("passwordChangedAt", notNullValue());
        assertThat(answer.jsonPath().getMap("").keySet())
                .containsExactlyInAnyOrder("username", "role", "disabled", "createdAt", "passwordChangedAt");
        assertThat(Instant.parse(answer.path("createdAt"))).isAfter(before);
        assertThat(answer.asString()).doesNotContain(PASSWORD).doesNotContain("pbkdf2");
        assertThat(Ledger.queryLong("select count(*) from app_user where username = ? and password_hash like 'pbkdf2-sha256$210000$%'",
                name)).isEqualTo(1);
    }

    @Test
    void givenACreatedUser_thenItCanLogInWithItsRole() {
        String name = createUser(Role.MANAGER);

        anonymous().header("Authorization", "Bearer " + logIn(name, PASSWORD))
                .get("/auth/me").then().statusCode(200).body("username", equalTo(name)).body("role", equalTo("manager"));
    }

    @Test
    void givenAUser_whenReadInAnyCase_thenTheUser() {
        String name = createUser(Role.VIEWER);

        api().get("/users/{username}", name.toUpperCase()).then()
                .statusCode(200)
                .body("username", equalTo(name))
                .body("role", equalTo("viewer"))
                .body("disabled", equalTo(false));
    }

    @Test
    void givenAnUnknownUser_whenRead_then404Problem() {
        String name = unique("nobody");

        api().get("/users/{username}", name).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "not-found"))
                .body("detail", equalTo("No user '" + name + "' exists"));
    }

    @Test
    void givenATakenNameInAnotherCase_whenCreated_then409AndNothingWritten() {
        String name = createUser(Role.VIEWER);

        api().body(Map.of("username", name.toUpperCase(), "password", PASSWORD, "role", "admin")).post("/users").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "already-exists"));

        assertThat(Ledger.queryLong("select count(*) from app_user where lower(username) = lower(?)", name)).isEqualTo(1);
        api().get("/users/{username}", name).then().body("role", equalTo("viewer"));
    }

    @Test
    void givenBadFields_whenCreated_then422WithPointersAndNothingWritten() {
        String good = unique("good");
        List<Map<String, Object>> bodies = List.of(
                Map.of("username", "-" + good, "password", PASSWORD, "role", "clerk"),
                Map.of("username", good + " x", "password", PASSWORD, "role", "clerk"),
                Map.of("username", good + "x".repeat(64), "password", PASSWORD, "role", "clerk"),
                Map.of("username", " ", "password", PASSWORD, "role", "clerk"),
                Map.of("password", PASSWORD, "role", "clerk"));
        for (Map<String, Object> body : bodies) {
            api().body(body).post("/users").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "invalid-fields"))
                    .body("errors.pointer", hasItem("/username"));
        }
        assertInvalid(Map.of("username", good, "password", PASSWORD, "role", "owner"), "/role");
        assertInvalid(Map.of("username", good, "password", PASSWORD, "role", "Admin"), "/role");
        assertInvalid(Map.of("username", good, "password", PASSWORD), "/role");
        assertInvalid(Map.of("username", good, "password", "x".repeat(11), "role", "clerk"), "/password");
        assertInvalid(Map.of("username", good, "password", "x".repeat(257), "role", "clerk"), "/password");
        assertInvalid(Map.of("username", good, "role", "clerk"), "/password");

        assertThat(Ledger.queryLong("select count(*) from app_user where username like ?", "%" + good + "%")).isZero();
        // The edges of the rules are accepted.
        api().body(Map.of("username", good + "@x.y_z-1", "password", "x".repeat(12), "role", "viewer"))
                .post("/users").then().statusCode(201);
        api().body(Map.of("username", unique("long"), "password", "y".repeat(256), "role", "viewer"))
                .post("/users").then().statusCode(201);
    }

    @Test
    void givenBrokenOrMissingBodies_whenCreated_then400NotA500() {
        api().body("{\"username\": ").post("/users").then().statusCode(400).contentType("application/problem+json");
        api().body("{\"username\":\"" + unique("u") + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"clerk\",\"passwordHash\":\"x\"}")
                .post("/users").then().statusCode(400).contentType("application/problem+json");
        api().post("/users").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void givenManyUsers_whenListedPageByPage_thenEveryUserOnceInNameOrder() {
        String prefix = unique("list");
        List<String> created = List.of(prefix + "-a", prefix + "-b", prefix + "-c");
        for (String name : created) {
            api().body(Map.of("username", name, "password", PASSWORD, "role", "viewer")).post("/users").then().statusCode(201);
        }

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Response page = after == null ? api().queryParam("limit", 2).get("/users")
                    : api().queryParam("limit", 2).queryParam("after", after).get("/users");
            page.then().statusCode(200);
            List<String> names = page.jsonPath().getList("items.username");
            assertThat(names).hasSizeLessThanOrEqualTo(2);
            assertThat(page.asString()).doesNotContain("pbkdf2").doesNotContain("password\"");
            seen.addAll(names);
            after = page.path("next");
            pages++;
        } while (after != null && pages < 1000);

        assertThat(seen).containsAll(created).contains("admin", "test-admin").doesNotHaveDuplicates();
        assertThat(seen.size()).isEqualTo(Ledger.queryLong("select count(*) from app_user"));
        assertThat(Ledger.queryLong("select count(*) from (select username, row_number() over (order by username) n"
                + " from app_user) ordered where ordered.username = ? and ordered.n = ?", seen.getLast(), seen.size()))
                .as("the last name seen is the last in the database's order").isEqualTo(1);
    }

    @Test
    void givenAFirstPage_thenItsShapeIsThatOfTheOtherLists() {
        api().queryParam("limit", 1).get("/users").then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("next", notNullValue());
        api().queryParam("limit", 500).get("/users").then()
                .statusCode(200)
                .body("next", nullValue());
        api().queryParam("limit", 0).get("/users").then().statusCode(422).body("errors.pointer", hasItem("limit"));
        api().queryParam("after", "not a cursor!").get("/users").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void givenAUser_whenItsRoleIsChanged_then200AndItsTokensActWithTheNewRoleAtOnce() {
        String name = createUser(Role.VIEWER);
        String token = logIn(name, PASSWORD);
        // Used once before the change, so that the server holds its session in memory.
        anonymous().header("Authorization", "Bearer " + token).get("/auth/me").then()
                .statusCode(200).body("role", equalTo("viewer"));

        api().body(Map.of("role", "manager")).patch("/users/{username}", name).then()
                .statusCode(200)
                .body("username", equalTo(name))
                .body("role", equalTo("manager"))
                .body("disabled", equalTo(false));

        anonymous().header("Authorization", "Bearer " + token).get("/auth/me").then()
                .statusCode(200).body("role", equalTo("manager"));
    }

    @Test
    void givenAUser_whenDisabled_thenItsTokensAreRevokedAndItCannotLogInUntilEnabledAgain() {
        String name = createUser(Role.CLERK);
        String first = logIn(name, PASSWORD);
        String second = logIn(name, PASSWORD);
        anonymous().header("Authorization", "Bearer " + first).get("/auth/me").then().statusCode(200);
        anonymous().header("Authorization", "Bearer " + second).get("/products").then().statusCode(200);

        api().body(Map.of("disabled", true)).patch("/users/{username}", name).then()
                .statusCode(200).body("disabled", equalTo(true)).body("role", equalTo("clerk"));

        anonymous().header("Authorization", "Bearer " + first).get("/auth/me").then().statusCode(401);
        anonymous().header("Authorization", "Bearer " + second).get("/products").then().statusCode(401);
        anonymous().body(Map.of("username", name, "password", PASSWORD)).post("/auth/token").then().statusCode(401);
        assertThat(Ledger.queryLong("select count(*) from auth_token t join app_user u on u.id = t.user_id"
                + " where u.username = ? and t.revoked_at is null", name)).isZero();

        api().body(Map.of("disabled", false)).patch("/users/{username}", name).then()
                .statusCode(200).body("disabled", equalTo(false));
        anonymous().header("Authorization", "Bearer " + first).get("/auth/me").then().statusCode(401);
        String fresh = logIn(name, PASSWORD);
        anonymous().header("Authorization", "Bearer " + fresh).get("/auth/me").then().statusCode(200);
    }

    @Test
    void givenBothFields_whenPatched_thenBothChange() {
        String name = createUser(Role.CLERK);

        api().body(Map.of("role", "viewer", "disabled", true)).patch("/users/{username}", name).then()
                .statusCode(200).body("role", equalTo("viewer")).body("disabled", equalTo(true));
        api().get("/users/{username}", name).then().body("role", equalTo("viewer")).body("disabled", equalTo(true));
    }

    @Test
    void givenBadPatches_then422Or400Or404AndTheUserUnchanged() {
        String name = createUser(Role.CLERK);

        api().body(Map.of()).patch("/users/{username}", name).then()
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("at least one of role and disabled"));
        api().body("{\"role\": null, \"disabled\": null}").patch("/users/{username}", name).then().statusCode(422);
        api().body(Map.of("role", "owner")).patch("/users/{username}", name).then()
                .statusCode(422).body("errors.pointer", equalTo(List.of("/role")));
        api().body(Map.of("disabled", "yes")).patch("/users/{username}", name).then()
                .statusCode(400).contentType("application/problem+json");
        api().body(Map.of("username", "renamed")).patch("/users/{username}", name).then()
                .statusCode(400).contentType("application/problem+json");
        api().patch("/users/{username}", name).then().statusCode(400);
        api().body(Map.of("disabled", 1)).patch("/users/{username}", name).then().statusCode(400);
        api().body(Map.of("role", "viewer")).patch("/users/{username}", unique("nobody")).then()
                .statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));

        api().get("/users/{username}", name).then().body("role", equalTo("clerk")).body("disabled", equalTo(false));
    }

    @Test
    void givenAnAdmin_whenItWouldDemoteOrDisableItself_then409AndUnchanged() {
        String name = createUser(Role.ADMIN);
        String token = logIn(name, PASSWORD);

        for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("role", "manager"), Map.of("disabled", true),
                Map.of("role", "admin", "disabled", true))) {
            anonymous().header("Authorization", "Bearer " + token).body(change)
                    .patch("/users/{username}", name.toUpperCase()).then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "last-admin"))
                    .body("detail", equalTo("An admin may not disable or demote themselves; ask another admin"));
        }
        // Changes that keep it an enabled admin are fine.
        anonymous().header("Authorization", "Bearer " + token).body(Map.of("role", "admin", "disabled", false))
                .patch("/users/{username}", name).then().statusCode(200);
        api().get("/users/{username}", name).then().body("role", equalTo("admin")).body("disabled", equalTo(false));
        anonymous().header("Authorization", "Bearer " + token).get("/auth/me").then().statusCode(200);
    }

    @Test
    void givenTwoAdmins_whenOneDemotesAndDisablesTheOther_thenAllowed() {
        String actor = createUser(Role.ADMIN);
        String other = createUser(Role.ADMIN);
        String actorToken = logIn(actor, PASSWORD);

        anonymous().header("Authorization", "Bearer " + actorToken).body(Map.of("role", "clerk"))
                .patch("/users/{username}", other).then().statusCode(200).body("role", equalTo("clerk"));
        String promoted = createUser(Role.VIEWER);
        anonymous().header("Authorization", "Bearer " + actorToken).body(Map.of("role", "admin"))
                .patch("/users/{username}", promoted).then().statusCode(200);
        anonymous().header("Authorization", "Bearer " + logIn(promoted, PASSWORD)).body(Map.of("disabled", true))
                .patch("/users/{username}", actor).then().statusCode(200).body("disabled", equalTo(true));
        anonymous().header("Authorization", "Bearer " + actorToken).get("/users").then().statusCode(401);
    }

    @Test
    void givenAUser_whenItsPasswordIsReset_then204AndItsTokensAndOldPasswordStopWorking() {
        String name = createUser(Role.CLERK);
        String token = logIn(name, PASSWORD);
        Instant changedBefore = Instant.parse(api().get("/users/{username}", name).path("passwordChangedAt"));
        String newPassword = "the new password of " + name;
        anonymous().header("Authorization", "Bearer " + token).get("/auth/me").then().statusCode(200);

        api().body(Map.of("password", newPassword)).post("/users/{username}/password", name.toUpperCase()).then()
                .statusCode(204);

        anonymous().header("Authorization", "Bearer " + token).get("/auth/me").then().statusCode(401);
        anonymous().body(Map.of("username", name, "password", PASSWORD)).post("/auth/token").then().statusCode(401);
        anonymous().header("Authorization", "Bearer " + logIn(name, newPassword)).get("/auth/me").then().statusCode(200);
        Instant changedAfter = Instant.parse(api().get("/users/{username}", name).path("passwordChangedAt"));
        assertThat(changedAfter).isAfter(changedBefore);
    }

    @Test
    void givenBadResets_then422Or404AndThePasswordUnchanged() {
        String name = createUser(Role.CLERK);

        api().body(Map.of("password", "short")).post("/users/{username}/password", name).then()
                .statusCode(422).body("errors.pointer", equalTo(List.of("/password")));
        api().body(Map.of("password", "z".repeat(257))).post("/users/{username}/password", name).then().statusCode(422);
        api().body(Map.of()).post("/users/{username}/password", name).then().statusCode(422);
        api().body(Map.of("password", PASSWORD)).post("/users/{username}/password", unique("nobody")).then()
                .statusCode(404).contentType("application/problem+json");

        logIn(name, PASSWORD);
    }

    @Test
    void givenNonAdmins_whenTheyUseTheUsersApi_then403AndNothingChanges() {
        String name = createUser(Role.VIEWER);
        for (Role role : List.of(Role.VIEWER, Role.CLERK, Role.MANAGER)) {
            as(role).get("/users").then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
            as(role).get("/users/{username}", name).then().statusCode(403);
            as(role).body(Map.of("username", unique("sneaky"), "password", PASSWORD, "role", "admin"))
                    .post("/users").then().statusCode(403);
            as(role).body(Map.of("role", "admin")).patch("/users/{username}", name).then().statusCode(403);
            as(role).body(Map.of("password", "taken over by " + role)).post("/users/{username}/password", name)
                    .then().statusCode(403);
        }
        anonymous().get("/users").then().statusCode(401);
        anonymous().body(Map.of("role", "admin")).patch("/users/{username}", name).then().statusCode(401);

        api().get("/users/{username}", name).then().body("role", equalTo("viewer"));
        assertThat(Ledger.queryLong("select count(*) from app_user where username like 'sneaky-%'")).isZero();
        logIn(name, PASSWORD);
    }

    @Test
    void givenPasswordsSentToTheUsersApi_thenNoAnswerAndNoServerLogLineHoldsThem() {
        String name = unique("secretive");
        String created = "created password " + name;
        String reset = "reset password " + name;
        String refused = "refused " + name + " 257".repeat(64);
        List<String> answers = new ArrayList<>();

        try (ServerLog log = ServerLog.capture()) {
            answers.add(api().body(Map.of("username", name, "password", created, "role", "clerk")).post("/users").asString());
            answers.add(api().body(Map.of("username", name, "password", created, "role", "clerk")).post("/users").asString());
            answers.add(api().body(Map.of("username", "-" + name, "password", refused, "role", "x")).post("/users").asString());
            answers.add(api().body(Map.of("password", reset)).post("/users/{username}/password", name).asString());
            answers.add(api().body(Map.of("password", refused)).post("/users/{username}/password", name).asString());
            answers.add(api().get("/users/{username}", name).asString());
            answers.add(api().queryParam("limit", 500).get("/users").asString());
            answers.add(anonymous().body(Map.of("username", name, "password", reset)).post("/auth/token").asString());

            assertThat(answers).hasSize(8).allSatisfy(answer -> assertThat(answer)
                    .doesNotContain(created).doesNotContain(reset).doesNotContain(refused).doesNotContain("pbkdf2"));
            assertThat(log.lines()).noneMatch(line -> line.contains(created) || line.contains(reset)
                    || line.contains(refused.substring(0, 40)) || line.contains("pbkdf2-sha256$"));
        }
    }

    /** Creates a user of that role with {@link #PASSWORD}; returns its name. */
    static String createUser(Role role) {
        String name = unique("user");
        api().body(Map.of("username", name, "password", PASSWORD, "role", role.value())).post("/users").then().statusCode(201);
        return name;
    }

    /** Logs the user in; returns its new token. */
    static String logIn(String username, String password) {
        return anonymous().body(Map.of("username", username, "password", password)).post("/auth/token")
                .then().statusCode(200).extract().path("token");
    }

    private static void assertInvalid(Map<String, Object> body, String pointer) {
        api().body(body).post("/users").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItem(pointer));
    }
}
