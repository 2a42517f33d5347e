package org.stockroom.audit;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.testing.Api.anonymous;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.unique;

/** What admins do to users, and a user's own password change, appear in the audit trail; passwords never do. */
class UserAuditIT {

    private static final String PASSWORD = "first password 1234";
    private static final String NEW_PASSWORD = "second password 5678";
    private static final String RESET_PASSWORD = "reset password 9012";

    @Test
    void creatingChangingAndResettingAUserAreRecordedWithTheAdminAsTheActor() {
        String username = unique("audited");
        api().body(Map.of("username", username, "password", PASSWORD, "role", "viewer")).post("/users")
                .then().statusCode(201);
        api().body(Map.of("role", "clerk", "disabled", true)).patch("/users/{username}", username)
                .then().statusCode(200);
        api().body(Map.of("password", RESET_PASSWORD)).post("/users/{username}/password", username)
                .then().statusCode(204);

        List<Map<String, Object>> events = eventsAbout(username, "test-admin");

        assertThat(events).extracting(event -> event.get("action"))
                .containsExactly("user.password_reset", "user.changed", "user.created");
        assertThat(events.get(2).get("details")).isEqualTo(Map.of("role", "viewer"));
        assertThat(events.get(1).get("details")).isEqualTo(Map.of(
                "role", Map.of("before", "viewer", "after", "clerk"),
                "disabled", Map.of("before", false, "after", true)));
        assertThat(events.toString()).doesNotContain(PASSWORD, RESET_PASSWORD, "pbkdf2");
    }

    @Test
    void aUsersOwnPasswordChangeIsRecordedWithThemAsTheActor() {
        String username = unique("audited");
        api().body(Map.of("username", username, "password", PASSWORD, "role", "clerk")).post("/users")
                .then().statusCode(201);
        String token = anonymous().body(Map.of("username", username, "password", PASSWORD)).post("/auth/token")
                .then().statusCode(200).extract().path("token");

        anonymous().header("Authorization", "Bearer " + token)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)).post("/auth/password")
                .then().statusCode(204);

        List<Map<String, Object>> events = eventsAbout(username, username);
        assertThat(events).extracting(event -> event.get("action")).containsExactly("user.password_changed");
        assertThat(events.toString()).doesNotContain(PASSWORD, NEW_PASSWORD);
    }

    @Test
    void aRefusedUserChangeLeavesNoEvent() {
        String username = unique("audited");
        api().body(Map.of("username", username, "password", PASSWORD, "role", "viewer")).post("/users")
                .then().statusCode(201);

        api().body(Map.of("username", username, "password", PASSWORD, "role", "viewer")).post("/users")
                .then().statusCode(409);
        api().body(Map.of("role", "emperor")).patch("/users/{username}", username).then().statusCode(422);

        assertThat(eventsAbout(username, "test-admin")).extracting(event -> event.get("action"))
                .containsExactly("user.created");
    }

    /** The events about one user done by {@code actor}, newest first. */
    private static List<Map<String, Object>> eventsAbout(String username, String actor) {
        Response page = api().queryParam("user", actor).queryParam("limit", 500).get("/audit");
        page.then().statusCode(200);
        List<Map<String, Object>> items = page.jsonPath().getList("items");
        return items.stream()
                .filter(event -> "user".equals(event.get("subjectType")) && username.equals(event.get("subjectKey")))
                .toList();
    }
}
