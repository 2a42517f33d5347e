package org.stockroom.reservation;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.security.Role;
import org.stockroom.testing.Ledger;
import org.stockroom.testing.StockroomTestServer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
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
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.receive;
import static org.stockroom.testing.Api.unique;

/**
 * {@code /reservations} and what reservations do to movements and the stock report: reserve, list,
 * read, release, expire; ISSUEs against a reservation; other stock leaving only out of what is available.
 */
class ReservationApiIT {

    private static final String PROBLEMS = "https://stockroom.dev/problems/";

    private String bolt;
    private String bin;

    @BeforeEach
    void tenBoltsInABin() {
        bolt = unique("BOLT");
        bin = unique("BIN");
        createProduct(bolt, 0);
        createLocation(bin);
        receive(bolt, bin, 10);
    }

    // --- reserve ------------------------------------------------------------------------------------

    @Test
    void aClerkReservesAndTheStockReportShowsItReservedAndNoLongerAvailable() {
        Instant expiry = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        Response made = as(Role.CLERK).body(Map.of("sku", bolt, "location", bin, "quantity", 4,
                "reference", " SO-4711 ", "expiresAt", expiry.toString())).post("/reservations");

        made.then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("sku", equalTo(bolt))
                .body("location", equalTo(bin))
                .body("reference", equalTo("SO-4711"))
                .body("quantity", equalTo(4))
                .body("remaining", equalTo(4))
                .body("status", equalTo("OPEN"))
                .body("expiresAt", equalTo(expiry.toString()))
                .body("createdAt", notNullValue())
                .body("createdBy", equalTo(StockroomTestServer.testUser(Role.CLERK)))
                .body("version", equalTo(0));
        long id = idOf(made);
        assertThat(made.header("Location")).isEqualTo("/api/v1/reservations/" + id);
        api().get("/reservations/{id}", id).then().statusCode(200).header("ETag", "\"0\"").body("remaining", equalTo(4));
        api().queryParam("sku", bolt).get("/stock").then()
                .body("items[0].onHand", equalTo(10))
                .body("items[0].reserved", equalTo(4))
                .body("items[0].available", equalTo(6));
        assertThat(Ledger.reserved(bolt, bin)).isEqualTo(4).isEqualTo(Ledger.heldByOpenReservations(bolt, bin));
        assertThat(Ledger.queryString("select username from audit_event where action = 'reservation.made'"
                + " and subject_key = ?", Long.toString(id))).isEqualTo(StockroomTestServer.testUser(Role.CLERK));
    }

    @Test
    void withoutAnExpiryItHoldsForTheDefaultSevenDays() {
        Instant before = Instant.now();

        String expiresAt = reserve(bolt, bin, 1, "SO-1").path("expiresAt");

        assertThat(Instant.parse(expiresAt)).isBetween(before.plus(Duration.ofDays(7)).minusSeconds(1),
                Instant.now().plus(Duration.ofDays(7)).plusSeconds(1));
    }

    @Test
    void moreThanIsAvailableIsRefusedWithWhatIsReservedAndNothingChanges() {
        reserve(bolt, bin, 7, "SO-1").then().statusCode(201);

        as(Role.CLERK).body(reservation(bolt, bin, 4, "SO-2")).post("/reservations").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "insufficient-available"))
                .body("onHand", equalTo(10))
                .body("reserved", equalTo(7))
                .body("available", equalTo(3))
                .body("requested", equalTo(4));
        reserve(bolt, bin, 3, "SO-2").then().statusCode(201);
        assertThat(Ledger.reserved(bolt, bin)).isEqualTo(10);

        String empty = unique("EMPTY");
        createLocation(empty);
        as(Role.CLERK).body(reservation(bolt, empty, 1, "SO-3")).post("/reservations").then()
                .statusCode(409).body("type", equalTo(PROBLEMS + "insufficient-stock")).body("onHand", equalTo(0));
    }

    @Test
    void eachBadReservationIsRefusedWithItsProblem() {
        as(Role.CLERK).body(reservation("NOPE-" + bolt, bin, 1, "SO-1")).post("/reservations").then()
                .statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        as(Role.CLERK).body(reservation(bolt, "NOPE-" + bin, 1, "SO-1")).post("/reservations").then()
                .statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        as(Role.CLERK).body(reservation(bolt, bin, 1.5, "SO-1")).post("/reservations").then()
                .statusCode(400).body("type", equalTo(PROBLEMS + "quantity-precision"));
        as(Role.CLERK).body(reservation(bolt, bin, 0, "SO-1")).post("/reservations").then()
                .statusCode(422).body("type", equalTo(PROBLEMS + "invalid-fields"))
                .body("errors.pointer", hasItem("/quantity"));
        as(Role.CLERK).body(Map.of("sku", bolt, "location", bin, "quantity", 1)).post("/reservations").then()
                .statusCode(422).body("errors.pointer", hasItem("/reference"));
        Map<String, Object> past = reservation(bolt, bin, 1, "SO-1");
        past.put("expiresAt", Instant.now().minusSeconds(60).toString());
        as(Role.CLERK).body(past).post("/reservations").then()
                .statusCode(422).body("errors.pointer", hasItem("/expiresAt"));
        Map<String, Object> farAway = reservation(bolt, bin, 1, "SO-1");
        farAway.put("expiresAt", Instant.now().plus(Duration.ofDays(400)).toString());
        as(Role.CLERK).body(farAway).post("/reservations").then()
                .statusCode(422).body("errors.pointer", hasItem("/expiresAt"));
        Map<String, Object> unreadable = reservation(bolt, bin, 1, "SO-1");
        unreadable.put("expiresAt", "next tuesday");
        as(Role.CLERK).body(unreadable).post("/reservations").then().statusCode(400);
        as(Role.CLERK).body(Map.of("sku", bolt, "location", bin, "quantity", "1", "reference", "SO-1"))
                .post("/reservations").then().statusCode(400);

        String old = unique("OLD");
        createProduct(old, 0);
        api().delete("/products/{sku}", old).then().statusCode(204);
        as(Role.CLERK).body(reservation(old, bin, 1, "SO-1")).post("/reservations").then()
                .statusCode(409).body("type", equalTo(PROBLEMS + "product-archived"));

        assertThat(Ledger.reserved(bolt, bin)).isZero();
        as(Role.VIEWER).body(reservation(bolt, bin, 1, "SO-1")).post("/reservations").then().statusCode(403);
        anonymous().body(reservation(bolt, bin, 1, "SO-1")).post("/reservations").then().statusCode(401);
    }

    @Test
    void aRetriedReservationWithTheSameKeyReservesOnce() {
        String key = unique("key");

        as(Role.CLERK).header("Idempotency-Key", key).body(reservation(bolt, bin, 6, "SO-1")).post("/reservations")
                .then().statusCode(201);
        as(Role.CLERK).header("Idempotency-Key", key).body(reservation(bolt, bin, 6, "SO-1")).post("/reservations")
                .then().statusCode(201).header("Idempotent-Replayed", "true");

        assertThat(Ledger.reserved(bolt, bin)).isEqualTo(6);
    }

    // --- list and read ----------------------------------------------------------------------------

    @Test
    void theListFiltersBySkuLocationReferenceAndStatusNewestFirstAPageAtATime() {
        long first = idOf(reserve(bolt, bin, 1, "SO-A"));
        long second = idOf(reserve(bolt, bin, 2, "SO-B"));
        long third = idOf(reserve(bolt, bin, 3, "SO-A"));
        release(second);

        api().queryParam("sku", bolt).get("/reservations").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) third, (int) second, (int) first)));
        api().queryParam("sku", bolt).queryParam("reference", "SO-A").get("/reservations").then()
                .body("items.id", equalTo(List.of((int) third, (int) first)));
        api().queryParam("location", bin).queryParam("status", "released").get("/reservations").then()
                .body("items.id", equalTo(List.of((int) second)))
                .body("items[0].remaining", equalTo(0));
        api().queryParam("sku", bolt).queryParam("status", "OPEN").get("/reservations").then()
                .body("items.id", equalTo(List.of((int) third, (int) first)));
        JsonPath page = api().queryParam("sku", bolt).queryParam("limit", 2).get("/reservations").then()
                .statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id", Long.class)).containsExactly(third, second);
        api().queryParam("sku", bolt).queryParam("limit", 2).queryParam("after", page.getString("next"))
                .get("/reservations").then().body("items.id", equalTo(List.of((int) first)))
                .body("next", nullValue());

        api().queryParam("status", "GONE").get("/reservations").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "invalid-fields"));
        api().get("/reservations/{id}", Long.MAX_VALUE).then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        anonymous().get("/reservations").then().statusCode(401);
    }

    // --- release -----------------------------------------------------------------------------------

    @Test
    void releasingNeedsTheCurrentETagAndMakesTheRestAvailableOnce() {
        long id = idOf(reserve(bolt, bin, 5, "SO-1"));

        as(Role.CLERK).post("/reservations/{id}/release", id).then().statusCode(428)
                .body("type", equalTo(PROBLEMS + "precondition-required"));
        as(Role.CLERK).header("If-Match", "\"7\"").post("/reservations/{id}/release", id).then().statusCode(412)
                .body("type", equalTo(PROBLEMS + "edit-conflict")).body("currentEtag", equalTo("\"0\""));
        as(Role.VIEWER).header("If-Match", "\"0\"").post("/reservations/{id}/release", id).then().statusCode(403);
        assertThat(Ledger.reserved(bolt, bin)).isEqualTo(5);

        as(Role.CLERK).header("If-Match", "\"0\"").post("/reservations/{id}/release", id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("RELEASED"))
                .body("remaining", equalTo(0))
                .body("quantity", equalTo(5));
        assertThat(Ledger.reserved(bolt, bin)).isZero();
        api().queryParam("sku", bolt).get("/stock").then().body("items[0].available", equalTo(10));

        as(Role.CLERK).header("If-Match", "*").post("/reservations/{id}/release", id).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "reservation-closed")).body("status", equalTo("RELEASED"));
        as(Role.CLERK).header("If-Match", "*").post("/reservations/{id}/release", Long.MAX_VALUE).then()
                .statusCode(404);
    }

    // --- movements -----------------------------------------------------------------------------------

    @Test
    void anIssueAgainstAReservationDrawsOnItUntilItIsConsumedAndKeepsTheLink() {
        long id = idOf(reserve(bolt, bin, 6, "SO-9"));

        Response first = issue(bolt, bin, 4, id);
        first.then().statusCode(201)
                .body("reservation", equalTo((int) id))
                .body("reference", equalTo("SO-9"));
        api().get("/reservations/{id}", id).then()
                .body("remaining", equalTo(2)).body("status", equalTo("OPEN")).header("ETag", "\"1\"");
        api().get("/movements/{id}", (int) first.path("id")).then().body("reservation", equalTo((int) id));

        issue(bolt, bin, 2, id).then().statusCode(201);
        api().get("/reservations/{id}", id).then().body("remaining", equalTo(0)).body("status", equalTo("CONSUMED"));
        api().queryParam("sku", bolt).get("/stock").then()
                .body("items[0].onHand", equalTo(4)).body("items[0].reserved", equalTo(0))
                .body("items[0].available", equalTo(4));

        issue(bolt, bin, 1, id).then().statusCode(409).body("type", equalTo(PROBLEMS + "reservation-closed"))
                .body("status", equalTo("CONSUMED"));
        assertThat(Ledger.queryString("select count(*) from audit_event where action = 'reservation.consumed'"
                + " and subject_key = ?", Long.toString(id))).isEqualTo("2");
        assertThat(Ledger.inconsistentReservations()).isZero();
    }

    @Test
    void anIssueCannotTakeMoreThanItsReservationHoldsNorDrawOnAnotherSkusOrLocations() {
        long id = idOf(reserve(bolt, bin, 3, "SO-1"));
        String shelf = unique("SHELF");
        createLocation(shelf);
        receive(bolt, shelf, 5);

        issue(bolt, bin, 4, id).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "reservation-exceeded"))
                .body("remaining", equalTo(3)).body("requested", equalTo(4));
        issue(bolt, shelf, 1, id).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "invalid-fields")).body("errors.pointer", hasItem("/reservation"))
                .body("errors.message", hasItem(containsString(bin)));
        issue(bolt, bin, 1, Long.MAX_VALUE).then().statusCode(404);
        as(Role.CLERK).body(Map.of("type", "TRANSFER", "sku", bolt, "quantity", 1, "from", bin, "to", shelf,
                "reservation", id)).post("/movements").then().statusCode(422)
                .body("errors.pointer", hasItem("/reservation"));
        as(Role.CLERK).body(Map.of("type", "ISSUE", "sku", bolt, "quantity", 1, "from", bin, "reservation", 0))
                .post("/movements").then().statusCode(422);

        api().get("/reservations/{id}", id).then().body("remaining", equalTo(3));
        assertThat(Ledger.onHand(bolt, bin)).isEqualTo(10);
    }

    @Test
    void stockLeavingWithoutAReservationTakesOnlyWhatIsAvailable() {
        reserve(bolt, bin, 8, "SO-1").then().statusCode(201);
        String shelf = unique("SHELF");
        createLocation(shelf);

        as(Role.CLERK).body(Map.of("type", "ISSUE", "sku", bolt, "quantity", 3, "from", bin)).post("/movements")
                .then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "insufficient-available"))
                .body("reserved", equalTo(8)).body("available", equalTo(2))
                .body("detail", containsString("8 of it reserved"));
        as(Role.CLERK).body(Map.of("type", "TRANSFER", "sku", bolt, "quantity", 3, "from", bin, "to", shelf))
                .post("/movements").then().statusCode(409).body("type", equalTo(PROBLEMS + "insufficient-available"));
        as(Role.CLERK).body(Map.of("type", "ADJUST", "sku", bolt, "quantity", -3, "from", bin, "reason", "damaged"))
                .post("/movements").then().statusCode(409).body("type", equalTo(PROBLEMS + "insufficient-available"));
        as(Role.CLERK).body(Map.of("type", "ISSUE", "sku", bolt, "quantity", 2, "from", bin)).post("/movements")
                .then().statusCode(201);

        assertThat(Ledger.onHand(bolt, bin)).isEqualTo(8);
        assertThat(Ledger.reserved(bolt, bin)).isEqualTo(8);
    }

    @Test
    void firstExpiryFirstStillPicksTheLotsOfAnIssueAgainstAReservation() {
        String milk = unique("MILK");
        api().body(Map.of("sku", milk, "name", "Milk " + milk, "lotTracked", true)).post("/products")
                .then().statusCode(201);
        LocalDate today = LocalDate.now();
        receiveLot(milk, "LATE", today.plusDays(60), 5);
        receiveLot(milk, "EARLY", today.plusDays(10), 3);
        long id = idOf(reserve(milk, bin, 4, "SO-7"));

        issue(milk, bin, 4, id).then().statusCode(201)
                .body("lots.lot", equalTo(List.of("EARLY", "LATE")))
                .body("lots.quantity", equalTo(List.of(3, 1)));

        api().get("/reservations/{id}", id).then().body("status", equalTo("CONSUMED"));
        assertThat(Ledger.onHand(milk, bin)).isEqualTo(4);
    }

    // --- expiry ---------------------------------------------------------------------------------------

    @Test
    void pastItsExpiryAReservationHoldsNothingAndTheSweepMarksItExpiredOnce() throws InterruptedException {
        Map<String, Object> shortLived = reservation(bolt, bin, 9, "SO-1");
        shortLived.put("expiresAt", Instant.now().plusSeconds(2).toString());
        long id = idOf(as(Role.CLERK).body(shortLived).post("/reservations"));
        as(Role.CLERK).body(Map.of("type", "ISSUE", "sku", bolt, "quantity", 2, "from", bin)).post("/movements")
                .then().statusCode(409);

        Thread.sleep(2_500);

        api().get("/reservations/{id}", id).then().body("status", equalTo("EXPIRED")).body("remaining", equalTo(0));
        api().queryParam("sku", bolt).get("/stock").then().body("items[0].reserved", equalTo(0))
                .body("items[0].available", equalTo(10));
        as(Role.CLERK).header("If-Match", "*").post("/reservations/{id}/release", id).then().statusCode(409)
                .body("status", equalTo("EXPIRED"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"EXPIRED".equals(Ledger.storedStatus(id)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(Ledger.storedStatus(id)).as("marked by the sweep").isEqualTo("EXPIRED");
        assertThat(Ledger.reserved(bolt, bin)).isZero();
        assertThat(Ledger.queryString("select string_agg(username, ',') from audit_event"
                + " where action = 'reservation.expired' and subject_key = ?", Long.toString(id))).isEqualTo("(system)");
        as(Role.CLERK).body(Map.of("type", "ISSUE", "sku", bolt, "quantity", 10, "from", bin)).post("/movements")
                .then().statusCode(201);
    }

    @Test
    void anIssueAfterTheExpiryTakesTheStockEvenBeforeTheSweep() throws InterruptedException {
        Map<String, Object> shortLived = reservation(bolt, bin, 10, "SO-1");
        shortLived.put("expiresAt", Instant.now().plusMillis(1500).toString());
        long id = idOf(as(Role.CLERK).body(shortLived).post("/reservations"));

        Thread.sleep(1_600);
        // The sweep runs each second, so this may or may not find it swept; either way the issue takes it all.
        as(Role.CLERK).body(Map.of("type", "ISSUE", "sku", bolt, "quantity", 10, "from", bin)).post("/movements")
                .then().statusCode(201);
        issue(bolt, bin, 1, id).then().statusCode(409);

        assertThat(Ledger.storedStatus(id)).isEqualTo("EXPIRED");
        assertThat(Ledger.inconsistentReservations()).isZero();
    }

    // --- stocktake ------------------------------------------------------------------------------------

    @Test
    void aStocktakeThatFindsLessThanIsReservedShortensTheNewestReservationsFirst() {
        long older = idOf(reserve(bolt, bin, 4, "SO-OLD"));
        long newer = idOf(reserve(bolt, bin, 2, "SO-NEW"));
        long stocktake = ((Number) as(Role.CLERK).body(Map.of("location", bin, "skus", List.of(bolt))).post("/stocktakes")
                .then().statusCode(201).extract().path("id")).longValue();
        as(Role.CLERK).body(Map.of("counted", 3)).put("/stocktakes/{id}/lines/{sku}", stocktake, bolt)
                .then().statusCode(200);
        String etag = api().get("/stocktakes/{id}", stocktake).header("ETag");

        as(Role.MANAGER).header("If-Match", etag).post("/stocktakes/{id}/post", stocktake).then().statusCode(200);

        api().get("/reservations/{id}", newer).then().body("status", equalTo("RELEASED")).body("remaining", equalTo(0));
        api().get("/reservations/{id}", older).then().body("status", equalTo("OPEN")).body("remaining", equalTo(3));
        api().queryParam("sku", bolt).get("/stock").then()
                .body("items[0].onHand", equalTo(3)).body("items[0].reserved", equalTo(3))
                .body("items[0].available", equalTo(0));
        assertThat(Ledger.queryString("select string_agg(details->>'reason', ',') from audit_event"
                + " where action = 'reservation.released' and subject_key = ?", Long.toString(older)))
                .isEqualTo("stocktake " + stocktake);
        assertThat(Ledger.inconsistentReservations()).isZero();
    }

    // --- helpers --------------------------------------------------------------------------------------

    private static Map<String, Object> reservation(String sku, String location, Number quantity, String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("sku", sku);
        body.put("location", location);
        body.put("quantity", quantity);
        body.put("reference", reference);
        return body;
    }

    private static Response reserve(String sku, String location, int quantity, String reference) {
        Response made = as(Role.CLERK).body(reservation(sku, location, quantity, reference)).post("/reservations");
        made.then().statusCode(201);
        return made;
    }

    private static long idOf(Response created) {
        return ((Number) created.path("id")).longValue();
    }

    private static void release(long id) {
        as(Role.CLERK).header("If-Match", "*").post("/reservations/{id}/release", id).then().statusCode(200);
    }

    private static Response issue(String sku, String from, int quantity, long reservation) {
        return as(Role.CLERK).body(Map.of("type", "ISSUE", "sku", sku, "quantity", quantity, "from", from,
                "reservation", reservation)).post("/movements");
    }

    private void receiveLot(String sku, String lot, LocalDate expiresOn, int quantity) {
        api().body(Map.of("type", "RECEIVE", "sku", sku, "quantity", quantity, "to", bin, "lot", lot,
                "expiresOn", expiresOn.toString())).post("/movements").then().statusCode(201);
    }
}
