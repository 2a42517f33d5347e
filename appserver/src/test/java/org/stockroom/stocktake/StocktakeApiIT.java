package org.stockroom.stocktake;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.security.Role;
import org.stockroom.testing.Ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.stockroom.testing.Api.anonymous;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.as;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.move;
import static org.stockroom.testing.Api.receive;
import static org.stockroom.testing.Api.unique;

/**
 * Stocktakes through the API: a clerk opens a count of a location and enters what is there, a
 * manager posts it, and the ledger gets one ADJUST per difference, counted against the level as
 * each line was entered, so stock moved after a count is kept.
 */
class StocktakeApiIT {

    private String bolt;
    private String nut;
    private String washer;
    private String shelf;

    @BeforeEach
    void stockAShelf() {
        bolt = unique("BOLT");
        nut = unique("NUT");
        washer = unique("WASHER");
        shelf = unique("SHELF");
        createProduct(bolt, 0);
        createProduct(nut, 0);
        createProduct(washer, 0);
        createLocation(shelf);
        receive(bolt, shelf, 10);
        receive(nut, shelf, 5);
    }

    @Test
    void aClerkOpensACountOfAWholeLocationAndSeesWhatIsThereToCount() {
        Response opened = as(Role.CLERK).body(Map.of("location", shelf)).post("/stocktakes");

        opened.then()
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("OPEN"))
                .body("location", equalTo(shelf))
                .body("skus", nullValue())
                .body("openedBy", equalTo("test-clerk"))
                .body("openedAt", notNullValue())
                .body("closedBy", nullValue())
                .body("lines.sku", equalTo(List.of(bolt, nut)))
                .body("lines.name", equalTo(List.of("Test product " + bolt, "Test product " + nut)))
                .body("lines.counted", equalTo(java.util.Arrays.asList(null, null)))
                .body("lines.expected", equalTo(java.util.Arrays.asList(null, null)));
        long id = idOf(opened);
        assertThat(opened.header("Location")).isEqualTo("/api/v1/stocktakes/" + id);
        api().get("/stocktakes/{id}", id).then().statusCode(200).header("ETag", "\"0\"").body("id", equalTo((int) id));
    }

    @Test
    void theUserStory_countAgainstTheSnapshotAndKeepWhatMovedSince() {
        long id = open(shelf);

        // The clerk counts 8 bolts where the books say 10, and the 5 nuts that are there.
        Response counted = as(Role.CLERK).body(Map.of("counted", 8)).put("/stocktakes/{id}/lines/{sku}", id, bolt);
        counted.then()
                .statusCode(200)
                .body("sku", equalTo(bolt))
                .body("counted", equalTo(8))
                .body("expected", equalTo(10))
                .body("difference", equalTo(-2))
                .body("countedBy", equalTo("test-clerk"))
                .body("countedAt", notNullValue())
                .body("expectedAfterMovement", equalTo((int) lastMovementId(bolt)))
                .body("movement", nullValue());
        count(id, nut, 5);

        // After the count, 3 bolts are issued and 4 nuts received: the count does not undo them.
        move(Map.of("type", "ISSUE", "sku", bolt, "quantity", 3, "from", shelf));
        receive(nut, shelf, 4);

        Response shown = api().get("/stocktakes/{id}", id);
        shown.then().statusCode(200)
                .body("lines.sku", equalTo(List.of(bolt, nut)))
                .body("lines.difference", equalTo(List.of(-2, 0)));
        String etag = shown.header("ETag");
        assertThat(etag).isEqualTo("\"2\"");

        Response posted = as(Role.MANAGER).header("If-Match", etag).post("/stocktakes/{id}/post", id);

        posted.then()
                .statusCode(200)
                .header("ETag", "\"3\"")
                .body("status", equalTo("POSTED"))
                .body("closedBy", equalTo("test-manager"))
                .body("closedAt", notNullValue())
                .body("lines.find { it.sku == '" + nut + "' }.movement", nullValue());
        int adjustment = posted.path("lines.find { it.sku == '" + bolt + "' }.movement");
        api().get("/movements/{id}", adjustment).then().statusCode(200)
                .body("type", equalTo("ADJUST"))
                .body("sku", equalTo(bolt))
                .body("quantity", equalTo(-2))
                .body("to", equalTo(shelf))
                .body("reason", equalTo("stocktake " + id))
                .body("recordedBy", equalTo("test-manager"));
        assertThat(Ledger.onHand(bolt, shelf)).as("8 counted, 3 issued since").isEqualTo(5)
                .isEqualTo(Ledger.ledgerSum(bolt, shelf));
        assertThat(Ledger.onHand(nut, shelf)).as("5 counted, 4 received since").isEqualTo(9)
                .isEqualTo(Ledger.ledgerSum(nut, shelf));
        assertThat(Ledger.movementCount(nut)).as("no movement for a line without difference").isEqualTo(2);
    }

    @Test
    void countingAgainTakesANewSnapshot() {
        long id = open(shelf);
        count(id, bolt, 8);
        receive(bolt, shelf, 5);

        as(Role.CLERK).body(Map.of("counted", 13)).put("/stocktakes/{id}/lines/{sku}", id, bolt)
                .then().statusCode(200)
                .body("expected", equalTo(15))
                .body("difference", equalTo(-2))
                .body("expectedAfterMovement", equalTo((int) lastMovementId(bolt)));

        post(id);
        assertThat(Ledger.onHand(bolt, shelf)).isEqualTo(13);
    }

    @Test
    void aProductFoundWhereTheBooksHaveNoneIsAddedAndALocationEmptiedIsTakenToZero() {
        long id = open(shelf);
        as(Role.CLERK).body(Map.of("counted", 4)).put("/stocktakes/{id}/lines/{sku}", id, washer)
                .then().statusCode(200)
                .body("expected", equalTo(0))
                .body("difference", equalTo(4))
                .body("expectedAfterMovement", nullValue());
        count(id, nut, 0);

        post(id);

        assertThat(Ledger.onHand(washer, shelf)).isEqualTo(4).isEqualTo(Ledger.ledgerSum(washer, shelf));
        assertThat(Ledger.onHand(nut, shelf)).isZero();
        assertThat(Ledger.onHand(bolt, shelf)).as("not counted, not changed").isEqualTo(10);
        assertThat(Ledger.inconsistentLevels()).isZero();
    }

    @Test
    void postingThatWouldTakeStockBelowZeroIsRefusedNamingTheSkuAndWritesNothing() {
        long id = open(shelf);
        count(id, bolt, 2);   // 8 fewer than the books say
        count(id, nut, 6);    // one more
        move(Map.of("type", "ISSUE", "sku", bolt, "quantity", 5, "from", shelf));  // 5 left: 5 - 8 < 0
        long movements = Ledger.movementCount(bolt) + Ledger.movementCount(nut);
        String etag = api().get("/stocktakes/{id}", id).header("ETag");

        as(Role.MANAGER).header("If-Match", etag).post("/stocktakes/{id}/post", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stockroom.dev/problems/stocktake-below-zero"))
                .body("detail", containsString(bolt))
                .body("sku", equalTo(bolt))
                .body("location", equalTo(shelf))
                .body("counted", equalTo(2))
                .body("expected", equalTo(10))
                .body("onHand", equalTo(5))
                .body("skus", equalTo(List.of(bolt)));

        assertThat(Ledger.movementCount(bolt) + Ledger.movementCount(nut)).isEqualTo(movements);
        assertThat(Ledger.onHand(nut, shelf)).isEqualTo(5);
        api().get("/stocktakes/{id}", id).then().body("status", equalTo("OPEN")).header("ETag", etag);

        // Counted again, it posts.
        count(id, bolt, 1);
        post(id);
        assertThat(Ledger.onHand(bolt, shelf)).isEqualTo(1);
        assertThat(Ledger.onHand(nut, shelf)).isEqualTo(6);
    }

    @Test
    void aStocktakeIsPostedOnceAndIsReadOnlyAfter() {
        long id = open(shelf);
        count(id, bolt, 9);
        String etag = post(id);

        as(Role.MANAGER).header("If-Match", etag).post("/stocktakes/{id}/post", id)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stockroom.dev/problems/stocktake-closed"))
                .body("status", equalTo(409))
                .body("stocktake", equalTo((int) id))
                .body("stocktakeStatus", equalTo("POSTED"))
                .body("detail", containsString("already posted"));
        as(Role.CLERK).body(Map.of("counted", 3)).put("/stocktakes/{id}/lines/{sku}", id, bolt)
                .then().statusCode(409).body("type", containsString("stocktake-closed"));
        as(Role.CLERK).post("/stocktakes/{id}/cancel", id)
                .then().statusCode(409).body("type", containsString("stocktake-closed"));

        assertThat(Ledger.onHand(bolt, shelf)).isEqualTo(9);
        assertThat(Ledger.movementCount(bolt)).isEqualTo(2);
    }

    @Test
    void aPostSentAgainWithItsIdempotencyKeyIsAnsweredAsTheFirstTime() {
        long id = open(shelf);
        count(id, bolt, 7);
        String etag = api().get("/stocktakes/{id}", id).header("ETag");
        String key = UUID.randomUUID().toString();

        Response first = as(Role.MANAGER).header("If-Match", etag).header("Idempotency-Key", key)
                .post("/stocktakes/{id}/post", id);
        Response again = as(Role.MANAGER).header("If-Match", etag).header("Idempotency-Key", key)
                .post("/stocktakes/{id}/post", id);

        first.then().statusCode(200).body("status", equalTo("POSTED"));
        again.then().statusCode(200).header("Idempotent-Replayed", "true").header("ETag", first.header("ETag"));
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(Ledger.onHand(bolt, shelf)).isEqualTo(7);
        assertThat(Ledger.movementCount(bolt)).isEqualTo(2);
    }

    @Test
    void openingTakesAnIdempotencyKeyToo() {
        String key = UUID.randomUUID().toString();
        Response first = as(Role.CLERK).header("Idempotency-Key", key).body(Map.of("location", shelf)).post("/stocktakes");
        Response again = as(Role.CLERK).header("Idempotency-Key", key).body(Map.of("location", shelf)).post("/stocktakes");

        first.then().statusCode(201);
        again.then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", first.header("Location"));
        api().queryParam("location", shelf).get("/stocktakes").then().body("items", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void postingNeedsTheCurrentETag() {
        long id = open(shelf);
        count(id, bolt, 9);
        String seen = api().get("/stocktakes/{id}", id).header("ETag");

        as(Role.MANAGER).post("/stocktakes/{id}/post", id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("https://stockroom.dev/problems/precondition-required"));

        count(id, bolt, 8);  // a clerk counts again after the manager looked
        as(Role.MANAGER).header("If-Match", seen).post("/stocktakes/{id}/post", id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://stockroom.dev/problems/edit-conflict"))
                .body("currentEtag", equalTo("\"2\""));

        assertThat(Ledger.onHand(bolt, shelf)).isEqualTo(10);
        as(Role.MANAGER).header("If-Match", "\"2\"").post("/stocktakes/{id}/post", id).then().statusCode(200);
        assertThat(Ledger.onHand(bolt, shelf)).isEqualTo(8);
    }

    @Test
    void aCancelledStocktakeChangesNoStockAndFreesTheLocationForANewCount() {
        long id = open(shelf);
        count(id, bolt, 1);

        as(Role.CLERK).post("/stocktakes/{id}/cancel", id)
                .then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("closedBy", equalTo("test-clerk"))
                .body("lines.sku", equalTo(List.of(bolt)))
                .body("lines[0].movement", nullValue());

        assertThat(Ledger.onHand(bolt, shelf)).isEqualTo(10);
        String etag = api().get("/stocktakes/{id}", id).header("ETag");
        as(Role.MANAGER).header("If-Match", etag).post("/stocktakes/{id}/post", id)
                .then().statusCode(409).body("status", equalTo(409)).body("stocktakeStatus", equalTo("CANCELLED"));
        open(shelf);
    }

    @Test
    void aLocationHasOneOpenStocktakeAtATime() {
        long id = open(shelf);

        as(Role.CLERK).body(Map.of("location", shelf)).post("/stocktakes")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stockroom.dev/problems/already-exists"))
                .body("stocktake", equalTo((int) id));
    }

    @Test
    void aStocktakeOfSomeSkusCountsThoseOnly() {
        Response opened = as(Role.CLERK).body(Map.of("location", shelf, "skus", List.of(washer, bolt, washer)))
                .post("/stocktakes");
        opened.then().statusCode(201)
                .body("skus", equalTo(List.of(bolt, washer)))
                .body("lines.sku", equalTo(List.of(bolt, washer)));
        long id = idOf(opened);

        as(Role.CLERK).body(Map.of("counted", 5)).put("/stocktakes/{id}/lines/{sku}", id, nut)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stockroom.dev/problems/not-in-stocktake"))
                .body("sku", equalTo(nut));
        count(id, washer, 2);
        post(id);

        assertThat(Ledger.onHand(washer, shelf)).isEqualTo(2);
        assertThat(Ledger.onHand(nut, shelf)).isEqualTo(5);
    }

    @Test
    void anArchivedProductIsCountedDownToZeroButNotUp() {
        String old = unique("OLD");
        createProduct(old, 0);
        api().delete("/products/{sku}", old).then().statusCode(204);
        long id = open(shelf);

        as(Role.CLERK).body(Map.of("counted", 1)).put("/stocktakes/{id}/lines/{sku}", id, old)
                .then().statusCode(409)
                .body("type", equalTo("https://stockroom.dev/problems/product-archived"));
        as(Role.CLERK).body(Map.of("counted", 0)).put("/stocktakes/{id}/lines/{sku}", id, old)
                .then().statusCode(200).body("difference", equalTo(0));
        post(id);
        assertThat(Ledger.movementCount(old)).isZero();
    }

    @Test
    void whatDoesNotExistIs404() {
        long id = open(shelf);
        long none = id + 1_000_000;

        api().get("/stocktakes/{id}", none).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://stockroom.dev/problems/not-found"));
        as(Role.CLERK).body(Map.of("counted", 1)).put("/stocktakes/{id}/lines/{sku}", none, bolt).then().statusCode(404);
        as(Role.MANAGER).header("If-Match", "*").post("/stocktakes/{id}/post", none).then().statusCode(404);
        as(Role.CLERK).post("/stocktakes/{id}/cancel", none).then().statusCode(404);
        as(Role.CLERK).body(Map.of("counted", 1)).put("/stocktakes/{id}/lines/{sku}", id, unique("GHOST"))
                .then().statusCode(404).body("detail", containsString("product"));
        as(Role.CLERK).body(Map.of("location", unique("NOWHERE"))).post("/stocktakes")
                .then().statusCode(404).body("detail", containsString("location"));
        String ghost = unique("GHOST");
        String other = unique("SHELF");
        createLocation(other);
        as(Role.CLERK).body(Map.of("location", other, "skus", List.of(bolt, ghost))).post("/stocktakes")
                .then().statusCode(404).body("detail", containsString(ghost));
        api().get("/stocktakes/abc").then().statusCode(404);
    }

    @Test
    void unreadableBodiesAre400() {
        long id = open(shelf);
        for (String counted : List.of("\"5\"", "true", "[5]", "{}")) {
            as(Role.CLERK).body("{\"counted\": " + counted + "}").put("/stocktakes/{id}/lines/{sku}", id, bolt)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://stockroom.dev/problems/malformed-request"))
                    .body("detail", containsString("counted"));
        }
        as(Role.CLERK).body("{\"counted\": 5, \"colour\": \"red\"}").put("/stocktakes/{id}/lines/{sku}", id, bolt)
                .then().statusCode(400);
        as(Role.CLERK).body("{\"location\": ").post("/stocktakes").then().statusCode(400);
        as(Role.CLERK).body("{\"location\": \"" + shelf + "\", \"skus\": \"" + bolt + "\"}").post("/stocktakes")
                .then().statusCode(400);
        assertThat(api().get("/stocktakes/{id}", id).<List<Object>>path("lines.counted")).containsOnlyNulls();
    }

    @Test
    void countsThatBreakTheRulesAre422() {
        long id = open(shelf);
        assertInvalidCount(id, "-1", "/counted");
        // Finer than any unit, or beyond any quantity: unreadable as a quantity, as for a movement.
        assertMalformedCount(id, "1.0000001");
        assertMalformedCount(id, "1e15");
        assertInvalidCount(id, "null", "/counted");
        as(Role.CLERK).body("{}").put("/stocktakes/{id}/lines/{sku}", id, bolt).then().statusCode(422);
        assertThat(api().get("/stocktakes/{id}", id).<List<Object>>path("lines.counted")).containsOnlyNulls();
        // A fraction of something counted in whole units is refused as too precise, as a movement of it is.
        as(Role.CLERK).body("{\"counted\": 1.5}").put("/stocktakes/{id}/lines/{sku}", id, bolt)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://stockroom.dev/problems/quantity-precision"))
                .body("errors.pointer", hasItem("/counted"));
        assertThat(api().get("/stocktakes/{id}", id).<List<Object>>path("lines.counted")).containsOnlyNulls();
        // Trailing zeros are no fraction.
        as(Role.CLERK).body("{\"counted\": 7.000}").put("/stocktakes/{id}/lines/{sku}", id, bolt)
                .then().statusCode(200).body("counted", equalTo(7)).body("difference", equalTo(-3));
    }

    @Test
    void openingsThatBreakTheRulesAre422() {
        assertInvalidOpening(Map.of("location", " "), "/location");
        assertInvalidOpening(Map.of("location", shelf, "skus", List.of()), "/skus");
        assertInvalidOpening(Map.of("location", shelf, "skus", List.of("has space")), "/skus/0");
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("location", shelf);
        withNull.put("skus", java.util.Arrays.asList(bolt, null));
        assertInvalidOpening(withNull, "/skus/1");
        api().queryParam("location", shelf).get("/stocktakes").then().body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void whoMayDoWhat() {
        long id = open(shelf);

        anonymous().get("/stocktakes/{id}", id).then().statusCode(401);
        as(Role.VIEWER).get("/stocktakes/{id}", id).then().statusCode(200);
        as(Role.VIEWER).get("/stocktakes").then().statusCode(200);
        as(Role.VIEWER).body(Map.of("location", shelf)).post("/stocktakes").then().statusCode(403);
        as(Role.VIEWER).body(Map.of("counted", 1)).put("/stocktakes/{id}/lines/{sku}", id, bolt).then().statusCode(403);
        as(Role.CLERK).header("If-Match", "*").post("/stocktakes/{id}/post", id)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://stockroom.dev/problems/forbidden"));
        as(Role.VIEWER).post("/stocktakes/{id}/cancel", id).then().statusCode(403);
        api().get("/stocktakes/{id}", id).then().body("status", equalTo("OPEN"));
    }

    @Test
    void listFiltersByStatusAndLocationAndPagesNewestFirst() {
        String other = unique("SHELF");
        createLocation(other);
        long first = open(shelf);
        as(Role.CLERK).post("/stocktakes/{id}/cancel", first).then().statusCode(200);
        long second = open(shelf);
        long elsewhere = open(other);

        api().queryParam("location", shelf).get("/stocktakes").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) second, (int) first)))
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].location", equalTo(shelf))
                .body("items[0].lines", nullValue());
        api().queryParam("location", shelf).queryParam("status", "cancelled").get("/stocktakes").then()
                .body("items.id", equalTo(List.of((int) first)));
        api().queryParam("status", "OPEN").queryParam("limit", 500).get("/stocktakes").then()
                .body("items.id", hasItem((int) elsewhere))
                .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("OPEN")));

        Response page = api().queryParam("location", shelf).queryParam("limit", 1).get("/stocktakes");
        page.then().body("items.id", equalTo(List.of((int) second)));
        api().queryParam("location", shelf).queryParam("limit", 1).queryParam("after", page.path("next").toString())
                .get("/stocktakes").then().body("items.id", equalTo(List.of((int) first))).body("next", nullValue());

        api().queryParam("status", "DONE").get("/stocktakes").then().statusCode(422)
                .body("errors[0].pointer", equalTo("status"));
        api().queryParam("after", "not-a-cursor").get("/stocktakes").then().statusCode(400);
    }

    @Test
    void everyStepIsAudited() {
        Instant start = Instant.now().minusSeconds(1);
        long received = lastMovementId(bolt);
        long id = open(shelf);
        count(id, bolt, 9);
        count(id, bolt, 8);
        String etag = post(id);
        long cancelled = open(shelf);
        as(Role.CLERK).post("/stocktakes/{id}/cancel", cancelled).then().statusCode(200);

        List<Map<String, Object>> events = events(start, id);
        assertThat(events).extracting(e -> e.get("action"))
                .containsExactly("stocktake.posted", "stocktake.counted", "stocktake.counted", "stocktake.opened");
        assertThat(events).extracting(e -> e.get("user"))
                .containsExactly("test-manager", "test-clerk", "test-clerk", "test-clerk");
        assertThat(details(events.get(3))).isEqualTo(Map.of("location", shelf));
        assertThat(details(events.get(2))).isEqualTo(Map.of("sku", bolt, "counted", 9, "expected", 10,
                "difference", -1, "expectedAfterMovement", (int) received));
        Map<String, Object> posted = details(events.get(0));
        assertThat(posted).containsEntry("location", shelf);
        assertThat(posted.get("adjustments")).isEqualTo(List.of(Map.of("sku", bolt, "quantity", -2,
                "movement", (int) lastMovementId(bolt))));
        assertThat(etag).isEqualTo("\"3\"");
        assertThat(events(start, cancelled)).extracting(e -> e.get("action"))
                .containsExactly("stocktake.cancelled", "stocktake.opened");
    }

    private long open(String location) {
        return idOf(as(Role.CLERK).body(Map.of("location", location)).post("/stocktakes")
                .then().statusCode(201).extract().response());
    }

    private static void count(long id, String sku, int counted) {
        as(Role.CLERK).body(Map.of("counted", counted)).put("/stocktakes/{id}/lines/{sku}", id, sku)
                .then().statusCode(200);
    }

    /** Posts as the manager with the current ETag; the posted stocktake's ETag. */
    private static String post(long id) {
        String etag = api().get("/stocktakes/{id}", id).header("ETag");
        return as(Role.MANAGER).header("If-Match", etag).post("/stocktakes/{id}/post", id)
                .then().statusCode(200).body("status", equalTo("POSTED")).extract().header("ETag");
    }

    private static long idOf(Response response) {
        return ((Number) response.path("id")).longValue();
    }

    private long lastMovementId(String sku) {
        return Ledger.queryLong("""
                select max(m.id) from stock_movement m join product p on p.id = m.product_id
                 where p.sku = ?""", sku);
    }

    private static void assertInvalidCount(long id, String counted, String pointer) {
        as(Role.CLERK).body("{\"counted\": " + counted + "}").put("/stocktakes/{id}/lines/{sku}", id, "X-" + 1)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://stockroom.dev/problems/invalid-fields"))
                .body("errors.pointer", hasItem(pointer));
    }

    private static void assertMalformedCount(long id, String counted) {
        as(Role.CLERK).body("{\"counted\": " + counted + "}").put("/stocktakes/{id}/lines/{sku}", id, "X-" + 1)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://stockroom.dev/problems/malformed-request"))
                .body("detail", containsString("counted"));
    }

    private static void assertInvalidOpening(Map<String, Object> body, String pointer) {
        as(Role.CLERK).body(body).post("/stocktakes")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://stockroom.dev/problems/invalid-fields"))
                .body("errors.pointer", hasItem(pointer));
    }

    /** The audit events of one stocktake since {@code start}, newest first. */
    private static List<Map<String, Object>> events(Instant start, long id) {
        List<Map<String, Object>> items = api().queryParam("since", start.toString()).queryParam("limit", 500)
                .get("/audit").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(e -> "stocktake".equals(e.get("subjectType"))
                && Long.toString(id).equals(e.get("subjectKey"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> event) {
        return (Map<String, Object>) event.get("details");
    }
}
