package org.stockroom.idempotency;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockroom.security.Role;
import org.stockroom.testing.Ledger;
import org.stockroom.testing.StockroomTestServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.stockroom.testing.AllAtOnce.concurrently;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.as;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.receive;
import static org.stockroom.testing.Api.unique;

/** {@code Idempotency-Key} on the POSTs that write: a retry is answered, never applied twice. */
class IdempotencyApiIT {

    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    private String sku;
    private String location;
    private String key;

    @BeforeEach
    void createProductAndLocation() {
        sku = unique("IDEM");
        location = unique("IDEMLOC");
        key = unique("key");
        createProduct(sku, 0);
        createLocation(location);
    }

    @Test
    void givenAKeyedProductPost_whenRepeated_thenTheFirstAnswerIsReplayedAndOneProductExists() {
        String newSku = unique("IDEMP");
        Map<String, Object> product = Map.of("sku", newSku, "name", "Hex bolt", "reorderPoint", 5);

        Response first = api().header(KEY, key).body(product).post("/products");
        Response retry = api().header(KEY, key).body(product).post("/products");

        first.then().statusCode(201).body("sku", equalTo(newSku));
        assertThat(first.header(REPLAYED)).isNull();
        assertSameAnswer(retry, first);
        assertThat(first.header("ETag")).isEqualTo("\"" + first.path("version") + "\"");
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(Ledger.queryLong("select count(*) from product where sku = ?", newSku)).isEqualTo(1);
    }

    @Test
    void givenAKeyedLocationPost_whenRepeated_thenTheFirstAnswerIsReplayedAndOneLocationExists() {
        String code = unique("IDEML");
        Map<String, Object> newLocation = Map.of("code", code, "name", "Aisle 9");

        Response first = api().header(KEY, key).body(newLocation).post("/locations");
        Response retry = api().header(KEY, key).body(newLocation).post("/locations");

        first.then().statusCode(201).body("code", equalTo(code));
        assertThat(first.header(REPLAYED)).isNull();
        assertSameAnswer(retry, first);
        assertThat(Ledger.queryLong("select count(*) from location where code = ?", code)).isEqualTo(1);
    }

    @Test
    void givenAKeyedMovementPost_whenRepeated_thenItIsRecordedOnce() {
        Map<String, Object> receipt = Map.of("type", "RECEIVE", "sku", sku, "quantity", 10, "to", location);

        Response first = api().header(KEY, key).body(receipt).post("/movements");
        Response retry = api().header(KEY, key).body(receipt).post("/movements");

        first.then().statusCode(201).body("quantity", equalTo(10));
        assertThat(first.header(REPLAYED)).isNull();
        assertThat(first.header("Location")).isEqualTo("/api/v1/movements/" + first.path("id"));
        assertSameAnswer(retry, first);
        assertThat(Ledger.movementCount(sku)).isEqualTo(1);
        assertThat(Ledger.onHand(sku, location)).isEqualTo(10);
    }

    @Test
    void givenTheSameMovementWithOtherSpacingAndMemberOrder_whenRepeated_thenItIsReplayed() {
        Response first = api().header(KEY, key)
                .body("{\"type\":\"RECEIVE\",\"sku\":\"" + sku + "\",\"quantity\":3,\"to\":\"" + location + "\"}")
                .post("/movements");
        Response retry = api().header(KEY, key)
                .body("{ \"to\" : \"" + location + "\",\n  \"quantity\" : 3, \"sku\" : \"" + sku
                        + "\", \"type\" : \"RECEIVE\", \"reason\": null }")
                .post("/movements");

        first.then().statusCode(201);
        assertSameAnswer(retry, first);
        assertThat(Ledger.movementCount(sku)).isEqualTo(1);
    }

    @Test
    void givenAKeyUsedForAnotherPayload_whenPosted_then422AndNothingIsWritten() {
        api().header(KEY, key).body(Map.of("type", "RECEIVE", "sku", sku, "quantity", 10, "to", location))
                .post("/movements").then().statusCode(201);

        api().header(KEY, key).body(Map.of("type", "RECEIVE", "sku", sku, "quantity", 11, "to", location))
                .post("/movements")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stockroom.dev/problems/idempotency-key-reused"))
                .body("status", equalTo(422))
                .body("instance", equalTo("/api/v1/movements"));

        assertThat(Ledger.movementCount(sku)).isEqualTo(1);
        assertThat(Ledger.onHand(sku, location)).isEqualTo(10);
    }

    @Test
    void givenAKeyUsedOnAnotherResource_whenPosted_then422AndNothingIsWritten() {
        String code = unique("IDEMX");
        api().header(KEY, key).body(Map.of("code", code, "name", "Shelf")).post("/locations")
                .then().statusCode(201);

        api().header(KEY, key).body(Map.of("sku", code, "name", "Shelf")).post("/products")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://stockroom.dev/problems/idempotency-key-reused"));

        assertThat(Ledger.queryLong("select count(*) from product where sku = ?", code)).isZero();
    }

    @Test
    void givenARequestWithTheSameKeyInFlight_whenPosted_then409AndNothingIsWritten() throws Exception {
        Map<String, Object> receipt = Map.of("type", "RECEIVE", "sku", sku, "quantity", 10, "to", location);
        try (Connection inFlight = StockroomTestServer.database().connect()) {
            // The server's lock of the admin's key: see JpaIdempotencyRepository.tryLock.
            String adminsKey = StockroomTestServer.testUser(Role.ADMIN) + "\n" + key;
            advisoryLock(inFlight, "select pg_advisory_lock(hashtextextended(?, 0))", adminsKey);

            api().header(KEY, key).body(receipt).post("/movements")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://stockroom.dev/problems/idempotency-key-in-flight"))
                    .body("instance", equalTo("/api/v1/movements"));
            assertThat(Ledger.movementCount(sku)).isZero();

            advisoryLock(inFlight, "select pg_advisory_unlock(hashtextextended(?, 0))", adminsKey);
        }

        api().header(KEY, key).body(receipt).post("/movements").then().statusCode(201);
        assertThat(Ledger.movementCount(sku)).isEqualTo(1);
    }

    @Test
    void givenTwoUsersSendingTheSameKey_whenPosted_thenEachHasTheirOwnMovementAppliedAndOnlyTheirOwnRetryReplayed() {
        Map<String, Object> receipt = Map.of("type", "RECEIVE", "sku", sku, "quantity", 10, "to", location);

        Response clerks = as(Role.CLERK).header(KEY, key).body(receipt).post("/movements");
        Response managers = as(Role.MANAGER).header(KEY, key).body(receipt).post("/movements");

        clerks.then().statusCode(201).body("recordedBy", equalTo("test-clerk"));
        managers.then().statusCode(201).body("recordedBy", equalTo("test-manager"));
        assertThat(managers.header(REPLAYED)).isNull();
        assertThat(managers.<Object>path("id")).isNotEqualTo(clerks.path("id"));
        assertThat(Ledger.movementCount(sku)).isEqualTo(2);
        assertThat(Ledger.onHand(sku, location)).isEqualTo(20);

        Response clerksRetry = as(Role.CLERK).header(KEY, key).body(receipt).post("/movements");
        assertSameAnswer(clerksRetry, clerks);
        assertSameAnswer(as(Role.MANAGER).header(KEY, key).body(receipt).post("/movements"), managers);
        assertThat(Ledger.movementCount(sku)).isEqualTo(2);
        assertThat(Ledger.queryLong("select count(*) from audit_event where action = 'movement.recorded'"
                + " and details ->> 'sku' = ?", sku)).isEqualTo(2);
    }

    @Test
    void givenAnotherUsersKeyForAnotherPayload_whenPosted_thenItIsANewRequestNotA422() {
        as(Role.CLERK).header(KEY, key).body(Map.of("type", "RECEIVE", "sku", sku, "quantity", 10, "to", location))
                .post("/movements").then().statusCode(201);

        as(Role.MANAGER).header(KEY, key).body(Map.of("type", "RECEIVE", "sku", sku, "quantity", 3, "to", location))
                .post("/movements").then().statusCode(201).body("quantity", equalTo(3));
        assertThat(Ledger.onHand(sku, location)).isEqualTo(13);
    }

    @Test
    void givenARefusedKeyedRequest_whenRetriedAfterTheStateChanged_thenItIsEvaluatedAgain() {
        Map<String, Object> issue = Map.of("type", "ISSUE", "sku", sku, "quantity", 4, "from", location);

        api().header(KEY, key).body(issue).post("/movements")
                .then().statusCode(409).body("type", containsString("insufficient-stock"));
        assertThat(Ledger.queryLong("select count(*) from idempotency_key where key = ?", key)).isZero();
        receive(sku, location, 10);
        Response retry = api().header(KEY, key).body(issue).post("/movements");

        retry.then().statusCode(201).body("type", equalTo("ISSUE"));
        assertThat(retry.header(REPLAYED)).isNull();
        assertThat(Ledger.onHand(sku, location)).isEqualTo(6);
        assertThat(Ledger.movementCount(sku)).isEqualTo(2);
    }

    @Test
    void givenAnExpiredKey_whenRepeated_thenTheRequestIsAppliedAgain() throws Exception {
        Map<String, Object> receipt = Map.of("type", "RECEIVE", "sku", sku, "quantity", 10, "to", location);
        Response first = api().header(KEY, key).body(receipt).post("/movements");
        first.then().statusCode(201);

        Thread.sleep(StockroomTestServer.IDEMPOTENCY_TTL.toMillis() + 500);
        Response afterExpiry = api().header(KEY, key).body(receipt).post("/movements");

        afterExpiry.then().statusCode(201);
        assertThat(afterExpiry.header(REPLAYED)).isNull();
        assertThat(afterExpiry.<Object>path("id")).isNotEqualTo(first.path("id"));
        assertThat(Ledger.movementCount(sku)).isEqualTo(2);
        assertThat(Ledger.onHand(sku, location)).isEqualTo(20);
        assertThat(Ledger.queryLong("select count(*) from idempotency_key where key = ? and expires_at > now()", key))
                .isEqualTo(1);
        api().header(KEY, key).body(receipt).post("/movements").then().statusCode(201).header(REPLAYED, "true");
        assertThat(Ledger.movementCount(sku)).isEqualTo(2);
    }

    @Test
    void givenLongExpiredAnswers_whenEnoughKeyedRequestsFollow_thenTheyAreDeleted() throws Exception {
        String stale = unique("stale");
        try (Connection connection = StockroomTestServer.database().connect();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into idempotency_key (username, key, request_fingerprint, status, response_body,
                                                  created_at, expires_at)
                     select 'test-clerk', ? || '-' || i, repeat('a', 64), 201, '{}',
                            now() - interval '30 days', now() - interval '29 days'
                       from generate_series(1, 20) i""")) {
            insert.setString(1, stale);
            assertThat(insert.executeUpdate()).isEqualTo(20);
        }

        // The oldest expired answers go first; one keyed request in CLEANUP_EVERY cleans up.
        for (int i = 0; i < 2 * IdempotencyService.CLEANUP_EVERY; i++) {
            api().header(KEY, key + "-" + i).body(Map.of("type", "RECEIVE", "sku", sku, "quantity", 1, "to", location))
                    .post("/movements").then().statusCode(201);
        }

        assertThat(Ledger.queryLong("select count(*) from idempotency_key where key like ?", stale + "-%")).isZero();
        assertThat(Ledger.queryLong("select count(*) from idempotency_key where key like ?", key + "-%"))
                .isEqualTo(2 * IdempotencyService.CLEANUP_EVERY);
    }

    @Test
    void givenFiftyConcurrentIdenticalKeyedMovements_whenPosted_thenExactlyOneIsApplied() throws Exception {
        Map<String, Object> receipt = Map.of("type", "RECEIVE", "sku", sku, "quantity", 1, "to", location);

        List<Response> answers = concurrently(50, () -> api().header(KEY, key).body(receipt).post("/movements"));

        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        assertThat(statuses).hasSize(50).containsOnly(201, 409).contains(201);
        assertThat(answers.stream().filter(answer -> answer.statusCode() == 201).map(answer -> answer.path("id")))
                .hasSizeGreaterThanOrEqualTo(1).containsOnly(answers.stream()
                        .filter(answer -> answer.statusCode() == 201).findFirst().orElseThrow().<Object>path("id"));
        answers.stream().filter(answer -> answer.statusCode() == 409).forEach(answer -> assertThat(
                answer.<String>path("type")).isEqualTo("https://stockroom.dev/problems/idempotency-key-in-flight"));
        assertThat(answers.stream().filter(answer -> answer.statusCode() == 201 && answer.header(REPLAYED) == null))
                .hasSize(1);
        assertThat(Ledger.movementCount(sku)).isEqualTo(1);
        assertThat(Ledger.onHand(sku, location)).isEqualTo(1);
        assertThat(Ledger.inconsistentLevels()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "caf\u00e9"})
    void givenAMalformedKey_whenPosted_then400AndNothingIsWritten(String malformed) {
        api().header(KEY, malformed)
                .body(Map.of("type", "RECEIVE", "sku", sku, "quantity", 10, "to", location))
                .post("/movements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stockroom.dev/problems/malformed-request"))
                .body("detail", containsString("Idempotency-Key"));

        assertThat(Ledger.movementCount(sku)).isZero();
    }

    @Test
    void givenAKeyOf256Characters_whenPosted_then400() {
        api().header(KEY, "k".repeat(256))
                .body(Map.of("code", unique("IDEMK"), "name", "Shelf"))
                .post("/locations")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://stockroom.dev/problems/malformed-request"));
    }

    private static void assertSameAnswer(Response retry, Response first) {
        retry.then().statusCode(first.statusCode()).header(REPLAYED, "true");
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isNotNull().isEqualTo(first.header("Location"));
    }

    private static void advisoryLock(Connection connection, String sql, String key) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            statement.executeQuery().close();
        }
    }
}
