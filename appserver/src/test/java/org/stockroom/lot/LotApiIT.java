package org.stockroom.lot;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.security.Role;
import org.stockroom.testing.Ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
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
 * Lots and expiry through the API: receipts into named lots, issues first expiry first or from
 * a named lot, transfers that carry lots, the stock-by-lot and expiring reports, and every
 * refusal; each checked against the database's lot levels and lot ledger.
 */
class LotApiIT {

    private static final LocalDate TODAY = LocalDate.now();

    private String sku;
    private String main;
    private String shop;

    @BeforeEach
    void createALotTrackedProductAndTwoLocations() {
        sku = unique("MILK");
        main = unique("MAIN");
        shop = unique("SHOP");
        createTrackedProduct(sku);
        createLocation(main);
        createLocation(shop);
    }

    @Test
    void aLotTrackedProductSaysSoAndAReceiptGoesIntoItsNamedLot() {
        api().get("/products/{sku}", sku).then().statusCode(200).body("lotTracked", equalTo(true));
        LocalDate expiry = TODAY.plusDays(90);

        Response received = receiveLot(sku, main, 10, "L1", expiry);

        received.then().statusCode(201)
                .body("lots.lot", equalTo(List.of("L1")))
                .body("lots[0].expiresOn", equalTo(expiry.toString()))
                .body("lots[0].quantity", equalTo(10));
        api().get("/movements/{id}", received.path("id").toString()).then().statusCode(200)
                .body("lots.lot", equalTo(List.of("L1")))
                .body("lots[0].quantity", equalTo(10));
        api().queryParam("sku", sku).get("/stock/lots").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1))
                .body("items[0].sku", equalTo(sku))
                .body("items[0].location", equalTo(main))
                .body("items[0].lot", equalTo("L1"))
                .body("items[0].expiresOn", equalTo(expiry.toString()))
                .body("items[0].expired", equalTo(false))
                .body("items[0].onHand", equalTo(10))
                .body("next", nullValue());
        assertConsistent(main);
        assertThat(Ledger.lotOnHand(sku, main, "L1")).isEqualByComparingTo("10");
    }

    @Test
    void aSecondReceiptOfALotAddsToItAndNeedNotRepeatItsExpiry() {
        receiveLot(sku, main, 4, "L1", TODAY.plusDays(30)).then().statusCode(201);
        receiveLot(sku, main, 6, "L1", null).then().statusCode(201).body("lots[0].expiresOn",
                equalTo(TODAY.plusDays(30).toString()));

        assertThat(Ledger.lotOnHand(sku, main, "L1")).isEqualByComparingTo("10");
        assertConsistent(main);
    }

    @Test
    void anIssueWithoutALotTakesTheFirstToExpire() {
        receiveLot(sku, main, 5, "LATE", TODAY.plusDays(60));
        receiveLot(sku, main, 5, "NEVER", null);
        receiveLot(sku, main, 5, "EARLY", TODAY.plusDays(10));

        issue(sku, main, 3, null).then().statusCode(201)
                .body("lots.lot", equalTo(List.of("EARLY")))
                .body("lots[0].quantity", equalTo(3));

        assertThat(Ledger.lotOnHand(sku, main, "EARLY")).isEqualByComparingTo("2");
        assertThat(Ledger.lotOnHand(sku, main, "LATE")).isEqualByComparingTo("5");
        assertConsistent(main);
    }

    @Test
    void anIssueSpanningLotsEmptiesTheFirstThenTakesFromTheNextAndLotsWithoutExpiryGoLast() {
        receiveLot(sku, main, 5, "B-LATE", TODAY.plusDays(60));
        receiveLot(sku, main, 5, "A-NEVER", null);
        receiveLot(sku, main, 5, "C-EARLY", TODAY.plusDays(10));

        issue(sku, main, 12, null).then().statusCode(201)
                .body("quantity", equalTo(12))
                .body("lots.lot", equalTo(List.of("C-EARLY", "B-LATE", "A-NEVER")))
                .body("lots.quantity", equalTo(List.of(5, 5, 2)));

        assertThat(Ledger.lotOnHand(sku, main, "C-EARLY")).isZero();
        assertThat(Ledger.lotOnHand(sku, main, "A-NEVER")).isEqualByComparingTo("3");
        assertConsistent(main);
        // The emptied lots are no longer listed.
        api().queryParam("sku", sku).get("/stock/lots").then().body("items.lot", equalTo(List.of("A-NEVER")));
    }

    @Test
    void aNamedLotIsTakenEvenWhenAnotherExpiresFirst() {
        receiveLot(sku, main, 5, "EARLY", TODAY.plusDays(10));
        receiveLot(sku, main, 5, "LATE", TODAY.plusDays(60));

        issue(sku, main, 2, "LATE").then().statusCode(201)
                .body("lots.lot", equalTo(List.of("LATE")))
                .body("lots[0].quantity", equalTo(2));

        assertThat(Ledger.lotOnHand(sku, main, "EARLY")).isEqualByComparingTo("5");
        assertThat(Ledger.lotOnHand(sku, main, "LATE")).isEqualByComparingTo("3");
        assertConsistent(main);
    }

    @Test
    void aTransferCarriesItsLotsToTheDestination() {
        receiveLot(sku, main, 5, "EARLY", TODAY.plusDays(10));
        receiveLot(sku, main, 5, "LATE", TODAY.plusDays(60));

        move(Map.of("type", "TRANSFER", "sku", sku, "quantity", 7, "from", main, "to", shop)).then().statusCode(201)
                .body("lots.lot", equalTo(List.of("EARLY", "LATE")))
                .body("lots.quantity", equalTo(List.of(5, 2)));
        move(Map.of("type", "TRANSFER", "sku", sku, "quantity", 1, "from", shop, "to", main, "lot", "LATE"))
                .then().statusCode(201).body("lots.lot", equalTo(List.of("LATE")));

        api().queryParam("location", shop).get("/stock/lots").then().statusCode(200)
                .body("items.lot", equalTo(List.of("EARLY", "LATE")))
                .body("items.onHand", equalTo(List.of(5, 1)));
        assertThat(Ledger.lotOnHand(sku, main, "LATE")).isEqualByComparingTo("4");
        assertThat(Ledger.lotOnHand(sku, main, "EARLY")).isZero();
        assertConsistent(main);
        assertConsistent(shop);
    }

    @Test
    void anAdjustmentCorrectsOneNamedLotEitherWay() {
        receiveLot(sku, main, 5, "L1", TODAY.plusDays(10));

        move(Map.of("type", "ADJUST", "sku", sku, "quantity", -2, "to", main, "lot", "L1", "reason", "damaged"))
                .then().statusCode(201).body("lots[0].quantity", equalTo(-2));
        move(Map.of("type", "ADJUST", "sku", sku, "quantity", 3, "to", main, "lot", "FOUND", "reason", "count",
                "expiresOn", TODAY.plusDays(5).toString()))
                .then().statusCode(201).body("lots[0].lot", equalTo("FOUND")).body("lots[0].quantity", equalTo(3));

        assertThat(Ledger.lotOnHand(sku, main, "L1")).isEqualByComparingTo("3");
        assertThat(Ledger.lotOnHand(sku, main, "FOUND")).isEqualByComparingTo("3");
        assertConsistent(main);
    }

    @Test
    void expiredLotsAreSkippedUnlessNamed() {
        receiveLot(sku, main, 4, "OLD", TODAY.minusDays(3));
        receiveLot(sku, main, 2, "FRESH", TODAY.plusDays(20));

        issue(sku, main, 1, null).then().statusCode(201).body("lots.lot", equalTo(List.of("FRESH")));
        issue(sku, main, 3, null).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("expired-stock"))
                .body("usable", equalTo(1))
                .body("requested", equalTo(3))
                .body("expiredLots", equalTo(List.of("OLD")))
                .body("detail", containsString("expired"));
        issue(sku, main, 3, "OLD").then().statusCode(201).body("lots.lot", equalTo(List.of("OLD")));

        assertThat(Ledger.lotOnHand(sku, main, "OLD")).isEqualByComparingTo("1");
        assertThat(Ledger.lotOnHand(sku, main, "FRESH")).isEqualByComparingTo("1");
        assertConsistent(main);
    }

    @Test
    void aLotExpiringTodayIsStillUsedToday() {
        receiveLot(sku, main, 2, "TODAY", TODAY);

        issue(sku, main, 2, null).then().statusCode(201).body("lots.lot", equalTo(List.of("TODAY")));
    }

    @Test
    void theExpiringReportListsLotsInStockSoonestFirstExpiredIncludedAPageAtATime() {
        String other = unique("YOGURT");
        createTrackedProduct(other);
        receiveLot(sku, main, 3, "SOON", TODAY.plusDays(5));
        receiveLot(sku, shop, 2, "SOON", null);
        receiveLot(sku, main, 4, "GONE", TODAY.minusDays(2));
        receiveLot(sku, main, 9, "FAR", TODAY.plusDays(400));
        receiveLot(sku, main, 1, "NEVER", null);
        receiveLot(other, main, 6, "Y1", TODAY.plusDays(1));
        receiveLot(sku, main, 1, "EMPTY", TODAY.plusDays(3));
        issue(sku, main, 1, "EMPTY").then().statusCode(201);

        List<Map<String, Object>> rows = allExpiring(Map.of("days", 30, "location", main, "limit", 1));

        List<Map<String, Object>> ours = rows.stream()
                .filter(row -> row.get("sku").equals(sku) || row.get("sku").equals(other)).toList();
        assertThat(ours).extracting(row -> row.get("sku") + "/" + row.get("lot"))
                .containsExactly(sku + "/GONE", other + "/Y1", sku + "/SOON");
        assertThat(ours.get(0)).containsEntry("expired", true).containsEntry("daysLeft", -2).containsEntry("onHand", 4)
                .containsEntry("expiresOn", TODAY.minusDays(2).toString()).containsEntry("location", main);
        assertThat(ours.get(2)).containsEntry("expired", false).containsEntry("daysLeft", 5);
        List<LocalDate> dates = rows.stream().map(row -> LocalDate.parse((String) row.get("expiresOn"))).toList();
        assertThat(dates).isSorted().allSatisfy(date -> assertThat(date).isBeforeOrEqualTo(TODAY.plusDays(30)));

        api().queryParam("days", 0).queryParam("location", main).get("/lots/expiring").then().statusCode(200)
                .body("items.lot", hasItem("GONE"))
                .body("items.lot", org.hamcrest.Matchers.not(hasItem("SOON")));
        api().queryParam("days", 500).queryParam("location", main).get("/lots/expiring").then().statusCode(200)
                .body("items.lot", hasItem("FAR"));
    }

    @Test
    void theExpiringReportLooksThirtyDaysAheadByDefault() {
        receiveLot(sku, main, 1, "D29", TODAY.plusDays(29));
        receiveLot(sku, main, 1, "D31", TODAY.plusDays(31));

        List<Map<String, Object>> rows = allExpiring(Map.of("location", main));

        assertThat(rows).extracting(row -> row.get("lot")).contains("D29").doesNotContain("D31");
    }

    @Test
    void stockByLotPagesInSkuLocationAndExpiryOrder() {
        receiveLot(sku, shop, 1, "S1", TODAY.plusDays(9));
        receiveLot(sku, main, 1, "M-NEVER", null);
        receiveLot(sku, main, 1, "M-LATE", TODAY.plusDays(9));
        receiveLot(sku, main, 1, "M-EARLY", TODAY.plusDays(2));
        receiveLot(sku, main, 1, "M-EARLY2", TODAY.plusDays(2));

        List<String> seen = new java.util.ArrayList<>();
        String after = null;
        do {
            var request = api().queryParam("sku", sku).queryParam("limit", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            Response page = request.get("/stock/lots");
            page.then().statusCode(200);
            seen.addAll(page.path("items.collect { it.location + '/' + it.lot }"));
            after = page.path("next");
        } while (after != null);

        List<String> expected = new java.util.ArrayList<>(List.of(main + "/M-EARLY", main + "/M-EARLY2",
                main + "/M-LATE", main + "/M-NEVER"));
        expected.add(shop + "/S1");  // MAIN-... sorts before SHOP-...
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void anUntrackedProductMovesNoLotsAndTakesNone() {
        String bolt = unique("BOLT");
        createProduct(bolt, 0);
        api().get("/products/{sku}", bolt).then().body("lotTracked", equalTo(false));

        api().body(Map.of("type", "RECEIVE", "sku", bolt, "quantity", 3, "to", main)).post("/movements")
                .then().statusCode(201).body("lots", empty());
        assertInvalid(Map.of("type", "RECEIVE", "sku", bolt, "quantity", 3, "to", main, "lot", "L1"), "/lot",
                "not lot-tracked");
        assertInvalid(Map.of("type", "ISSUE", "sku", bolt, "quantity", 1, "from", main, "lot", "L1"), "/lot",
                "not lot-tracked");
        api().queryParam("sku", bolt).get("/stock/lots").then().statusCode(200).body("items", empty());
        assertThat(Ledger.onHand(bolt, main)).isEqualTo(3);
    }

    @Test
    void refusalsAre422ForTheFieldsAndRecordNothing() {
        assertInvalid(Map.of("type", "RECEIVE", "sku", sku, "quantity", 1, "to", main), "/lot", "lot-tracked");
        assertInvalid(Map.of("type", "ADJUST", "sku", sku, "quantity", -1, "to", main, "reason", "count"), "/lot",
                "lot-tracked");
        assertInvalid(Map.of("type", "ISSUE", "sku", sku, "quantity", 1, "from", main,
                "expiresOn", TODAY.toString()), "/expiresOn", "must be empty for ISSUE");
        assertInvalid(Map.of("type", "RECEIVE", "sku", sku, "quantity", 1, "to", main,
                "expiresOn", TODAY.toString()), "/lot", "required with expiresOn");
        assertInvalid(Map.of("type", "RECEIVE", "sku", sku, "quantity", 1, "to", main, "lot", " L1"), "/lot",
                "must start with a letter or digit");
        assertInvalid(Map.of("type", "RECEIVE", "sku", sku, "quantity", 1, "to", main, "lot", "L".repeat(65)), "/lot",
                "size");
        // The shape comes before any look-up: an unknown product with an impossible expiry is a 422, not a 404.
        assertInvalid(Map.of("type", "TRANSFER", "sku", unique("GHOST"), "quantity", 1, "from", main, "to", shop,
                "lot", "L1", "expiresOn", TODAY.toString()), "/expiresOn", "must be empty for TRANSFER");
        assertThat(Ledger.movementCount(sku)).isZero();
    }

    @Test
    void anExpiryThatIsNoDateIs400() {
        for (String date : List.of("\"2027-02-30\"", "\"31.01.2027\"", "20270131", "\"2027-01-31T00:00:00Z\"")) {
            api().body("{\"type\":\"RECEIVE\",\"sku\":\"" + sku + "\",\"to\":\"" + main
                            + "\",\"quantity\":1,\"lot\":\"L1\",\"expiresOn\":" + date + "}")
                    .post("/movements")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        assertThat(Ledger.movementCount(sku)).isZero();
    }

    @Test
    void anUnknownLotIs404() {
        receiveLot(sku, main, 2, "L1", null);

        issue(sku, main, 1, "NO-SUCH-LOT").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", containsString("not-found"))
                .body("detail", containsString("NO-SUCH-LOT"));
        assertThat(Ledger.movementCount(sku)).isEqualTo(1);
    }

    @Test
    void takingMoreOfANamedLotThanIsThereIs409WithTheLotsFigures() {
        receiveLot(sku, main, 2, "L1", null);
        receiveLot(sku, main, 5, "L2", null);
        receiveLot(sku, shop, 9, "L3", null);

        issue(sku, main, 3, "L1").then().statusCode(409)
                .body("type", containsString("insufficient-stock"))
                .body("lot", equalTo("L1"))
                .body("onHand", equalTo(2))
                .body("requested", equalTo(3));
        // A lot the location never held has none there.
        issue(sku, main, 1, "L3").then().statusCode(409).body("lot", equalTo("L3")).body("onHand", equalTo(0));
        // More than the location holds at all: the level says so first.
        issue(sku, main, 8, null).then().statusCode(409)
                .body("type", containsString("insufficient-stock"))
                .body("onHand", equalTo(7));
        assertThat(Ledger.movementCount(sku)).isEqualTo(3);
        assertConsistent(main);
    }

    @Test
    void aLotHasOneExpiryDate() {
        receiveLot(sku, main, 2, "L1", TODAY.plusDays(10));

        receiveLot(sku, main, 1, "L1", TODAY.plusDays(11)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("lot-expiry-mismatch"))
                .body("lot", equalTo("L1"))
                .body("expiresOn", equalTo(TODAY.plusDays(10).toString()));
        assertThat(Ledger.lotOnHand(sku, main, "L1")).isEqualByComparingTo("2");
    }

    @Test
    void lotTrackingSwitchesOnlyWithoutStockAndAnEditThatLeavesItOutKeepsIt() {
        String etag = api().get("/products/{sku}", sku).header("ETag");
        etag = api().header("If-Match", etag).body(Map.of("name", "Renamed milk")).put("/products/{sku}", sku)
                .then().statusCode(200).body("lotTracked", equalTo(true)).extract().header("ETag");
        receiveLot(sku, main, 2, "L1", null);

        api().header("If-Match", etag).body(Map.of("name", "Renamed milk", "lotTracked", false))
                .put("/products/{sku}", sku)
                .then().statusCode(409)
                .body("type", containsString("stock-on-hand"))
                .body("onHand", equalTo(2));

        issue(sku, main, 2, null).then().statusCode(201);
        api().header("If-Match", etag).body(Map.of("name", "Renamed milk", "lotTracked", false))
                .put("/products/{sku}", sku)
                .then().statusCode(200).body("lotTracked", equalTo(false));
        api().body(Map.of("type", "RECEIVE", "sku", sku, "quantity", 3, "to", main)).post("/movements")
                .then().statusCode(201).body("lots", empty());
        // No longer tracked: its stock is in no lot.
        assertThat(Ledger.onHandExact(sku, main)).isEqualByComparingTo("3");
        assertThat(Ledger.lotsOnHand(sku, main)).isZero();
        assertThat(Ledger.inconsistentLotLevels()).isZero();
    }

    @Test
    void lotTrackedIsTrueOrFalse() {
        api().body(Map.of("sku", unique("LT"), "name", "x", "lotTracked", "yes")).post("/products")
                .then().statusCode(400);
    }

    @Test
    void theReportsRefuseBadParametersAndStrangers() {
        for (String days : List.of("-1", "3651", "soon", "1.5")) {
            api().queryParam("days", days).get("/lots/expiring").then().statusCode(422)
                    .body("errors[0].pointer", equalTo("days"));
        }
        api().queryParam("after", "bm9wZQ").get("/stock/lots").then().statusCode(400);
        api().queryParam("after", "bm9wZQ").get("/lots/expiring").then().statusCode(400);
        api().queryParam("limit", 0).get("/stock/lots").then().statusCode(422);
        anonymous().get("/stock/lots").then().statusCode(401);
        anonymous().get("/lots/expiring").then().statusCode(401);
        as(Role.VIEWER).get("/stock/lots").then().statusCode(200);
        as(Role.VIEWER).get("/lots/expiring").then().statusCode(200);
    }

    @Test
    void theAuditTrailKeepsTheLotsOfAMovement() {
        receiveLot(sku, main, 5, "EARLY", TODAY.plusDays(10));
        receiveLot(sku, main, 5, "NEVER", null);
        int id = issue(sku, main, 7, null).then().statusCode(201).extract().path("id");

        String details = Ledger.queryText("select details::text from audit_event where action = 'movement.recorded'"
                + " and subject_key = ?", Integer.toString(id));
        assertThat(details).contains("\"lots\": [{\"lot\": \"EARLY\", \"quantity\": 5, \"expiresOn\": \""
                + TODAY.plusDays(10) + "\"}, {\"lot\": \"NEVER\", \"quantity\": 2}]");
    }

    private static void createTrackedProduct(String sku) {
        api().body(Map.of("sku", sku, "name", "Lot-tracked " + sku, "lotTracked", true)).post("/products")
                .then().statusCode(201).body("lotTracked", equalTo(true));
    }

    private static Response receiveLot(String sku, String location, int quantity, String lot, LocalDate expiresOn) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "RECEIVE", "sku", sku, "quantity", quantity,
                "to", location, "lot", lot));
        if (expiresOn != null) {
            body.put("expiresOn", expiresOn.toString());
        }
        Response response = move(body);
        return response;
    }

    private static Response issue(String sku, String location, int quantity, String lot) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "ISSUE", "sku", sku, "quantity", quantity,
                "from", location));
        if (lot != null) {
            body.put("lot", lot);
        }
        return move(body);
    }

    private static Response move(Map<String, Object> body) {
        return api().body(body).post("/movements");
    }

    /** Every row of the expiring report with these parameters, following the cursors. */
    private static List<Map<String, Object>> allExpiring(Map<String, Object> parameters) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        String after = null;
        do {
            var request = api().queryParams(parameters);
            if (after != null) {
                request.queryParam("after", after);
            }
            Response page = request.get("/lots/expiring");
            page.then().statusCode(200).body("items", notNullValue());
            rows.addAll(page.path("items"));
            after = page.path("next");
        } while (after != null);
        return rows;
    }

    private static void assertInvalid(Map<String, Object> body, String pointer, String message) {
        api().body(body).post("/movements").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItem(pointer))
                .body("errors.message", hasItem(containsString(message)));
    }

    /** The stock level, the ledger, the lot levels and the lot ledger all agree at a location. */
    private void assertConsistent(String location) {
        BigDecimal level = Ledger.onHandExact(sku, location);
        assertThat(Ledger.ledgerSumExact(sku, location)).isEqualByComparingTo(level);
        assertThat(Ledger.lotsOnHand(sku, location)).isEqualByComparingTo(level);
        assertThat(Ledger.lotLedgerSum(sku, location)).isEqualByComparingTo(level);
        assertThat(Ledger.inconsistentLotLevels()).isZero();
    }
}
