package org.stockroom.auth;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stockroom.auth.password.LoginThrottle;
import org.stockroom.testing.Ledger;
import org.stockroom.testing.LoopbackClients;
import org.stockroom.testing.StockroomTestServer;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.unique;
import static org.stockroom.testing.LoopbackClients.logIn;
import static org.stockroom.testing.LoopbackClients.randomAddress;

/**
 * The failed log-in throttle at its production limits (5 per user name and address, 20 per
 * address, 100 per user name, in 15 minutes), on a test server of its own (failsafe execution
 * "login-tests"). Each test comes from addresses of its own (LoopbackClients).
 */
@Timeout(120)
class LoginThrottleIT {

    private static final String PASSWORD = "the right password 4711";
    private static final long WINDOW_SECONDS = 15 * 60;

    @BeforeAll
    static void onlyOnAServerWithTheProductionLimits() {
        assumeTrue(StockroomTestServer.hasProductionLoginLimits(),
                "run by the failsafe execution login-tests, whose server has the production's limits");
    }

    @Test
    void givenFiveWrongPasswordsForOneUserFromOneAddress_thenEvenTheRightOneIsRefusedThere_butNotFromAnotherAddress() {
        String name = newUser();
        HttpClient attacker = LoopbackClients.from(randomAddress());
        for (int i = 0; i < 5; i++) {  // in either case: the name is counted as log-in compares it
            assertThat(logIn(attacker, i % 2 == 0 ? name : name.toUpperCase(), "wrong password " + i).statusCode())
                    .isEqualTo(401);
        }

        assertThrottled(logIn(attacker, name, "wrong password 5"), "for this user name from your address");
        assertThrottled(logIn(attacker, name, PASSWORD), "for this user name from your address");
        assertThat(logIn(LoopbackClients.from(randomAddress()), name, PASSWORD).statusCode()).isEqualTo(200);
        assertThrottled(logIn(attacker, name, PASSWORD), "for this user name from your address");

        assertThat(failures("user", name)).as("refused attempts are not counted: they were not checked").isEqualTo(5);
    }

    @Test
    void givenTwentyFailuresFromOneAddressAcrossUserNames_thenEveryNameIsRefusedFromThere_butNotFromElsewhere() {
        String address = randomAddress();
        HttpClient sprayer = LoopbackClients.from(address);
        String prefix = unique("spray");
        for (int i = 0; i < 20; i++) {
            assertThat(logIn(sprayer, prefix + "-" + i, "Summer2026!").statusCode()).isEqualTo(401);
        }
        String name = newUser();

        assertThrottled(logIn(sprayer, name, PASSWORD), "from your address");
        assertThat(logIn(LoopbackClients.from(randomAddress()), name, PASSWORD).statusCode()).isEqualTo(200);
        assertThat(Ledger.queryLong("select failures from login_failure where scope = 'address' and key = ?", address))
                .isEqualTo(20);
    }

    @Test
    void givenAHundredFailuresOfOneUserNameFromManyAddresses_thenItIsRefusedFromEveryAddress_andOtherNamesAreNot()
            throws SQLException {
        String name = newUser();
        String other = newUser();
        execute("insert into login_failure (scope, key, window_started_at, failures) values ('user', lower(?), now(), 100)", name);
        HttpClient client = LoopbackClients.from(randomAddress());

        assertThrottled(logIn(client, name, PASSWORD), "for this user name");
        assertThat(logIn(client, other, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void givenAThrottledUserWhoseWindowEnded_thenAFailureStartsANewWindow_andTheRightPasswordLogsInAndIsForgotten()
            throws Exception {
        String name = newUser();
        String address = randomAddress();
        HttpClient client = LoopbackClients.from(address);
        for (int i = 0; i < 5; i++) {
            assertThat(logIn(client, name, "wrong password " + i).statusCode()).isEqualTo(401);
        }
        assertThrottled(logIn(client, name, PASSWORD), "for this user name from your address");

        execute("update login_failure set window_started_at = window_started_at - interval '15 minutes'"
                + " where (scope, key) in (('user_address', ? || ' ' || lower(?)), ('address', ?), ('user', lower(?)))",
                address, name, address, name);
        Thread.sleep(LoginThrottle.RECHECK_EVERY.toMillis() + 200);  // the server asks the database again

        assertThat(logIn(client, name, "wrong password again").statusCode()).isEqualTo(401);
        assertThat(pairFailures(address, name)).as("a new window, starting at 1").isEqualTo(1);
        assertThat(logIn(client, name, PASSWORD).statusCode()).isEqualTo(200);
        assertThat(pairFailures(address, name)).as("forgotten after the log-in").isZero();
    }

    @Test
    void givenFourFailuresThenTheRightPassword_thenThePairStartsAgainFromNothing() {
        String name = newUser();
        String address = randomAddress();
        HttpClient client = LoopbackClients.from(address);
        for (int i = 0; i < 4; i++) {
            assertThat(logIn(client, name, "wrong password " + i).statusCode()).isEqualTo(401);
        }
        assertThat(logIn(client, name, PASSWORD).statusCode()).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            assertThat(logIn(client, name, "wrong password " + i).statusCode()).isEqualTo(401);
        }
        assertThat(pairFailures(address, name)).isEqualTo(4);
    }

    @Test
    void givenWrongCurrentPasswordsAtThePasswordChange_thenTheyCountLikeFailedLogIns() {
        String name = newUser();
        HttpClient client = LoopbackClients.from(randomAddress());
        HttpResponse<String> issued = logIn(client, name, PASSWORD);
        assertThat(issued.statusCode()).isEqualTo(200);
        String token = issued.body().replaceAll(".*\"token\":\"([A-Za-z0-9_-]+)\".*", "$1");
        for (int i = 0; i < 5; i++) {
            assertThat(changePassword(client, token, "wrong current " + i).statusCode()).isEqualTo(403);
        }

        assertThrottled(changePassword(client, token, PASSWORD), "for this user name from your address");
        assertThrottled(logIn(client, name, PASSWORD), "for this user name from your address");
    }

    private static HttpResponse<String> changePassword(HttpClient client, String token, String currentPassword) {
        return LoopbackClients.send(client, HttpRequest.newBuilder(StockroomTestServer.baseUri().resolve("/api/v1/auth/password"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"" + currentPassword
                        + "\",\"newPassword\":\"a new password of at least twelve\"}")));
    }

    private static void assertThrottled(HttpResponse<String> answer, String why) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, WINDOW_SECONDS));
        assertThat(answer.body())
                .contains("\"type\":\"https://stockroom.dev/problems/too-many-requests\"")
                .contains("\"status\":429")
                .contains("Too many failed log-ins " + why + ";")
                .doesNotContain("password is");
    }

    private static String newUser() {
        String name = unique("throttled");
        api().body(Map.of("username", name, "password", PASSWORD, "role", "viewer")).post("/users").then().statusCode(201);
        return name;
    }

    private static long failures(String scope, String key) {
        return Ledger.queryLong("select coalesce(sum(failures), 0) from login_failure where scope = ? and key = lower(?)",
                scope, key);
    }

    private static long pairFailures(String address, String name) {
        return Ledger.queryLong("""
                select coalesce(sum(failures), 0) from login_failure
                 where scope = 'user_address' and key = ? || ' ' || lower(?)""", address, name);
    }

    private static void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = StockroomTestServer.database().connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
