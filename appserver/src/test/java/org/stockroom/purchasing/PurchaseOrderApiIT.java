package org.stockroom.purchasing;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.security.Role;
import org.stockroom.testing.Ledger;
import org.stockroom.testing.StockroomTestServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.stockroom.testing.Api.anonymous;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.as;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.unique;

/** {@code /purchase-orders}: create, list, read, receive deliveries, cancel; each refusal and what it leaves. */
class PurchaseOrderApiIT {

    private static final String PROBLEMS = "https://stockroom.dev/problems/";

    private String bolt;
    private String nut;
    private String dock;
    private String number;

    @BeforeEach
    void createProductsAndALocation() {
        bolt = unique("BOLT");
        nut = unique("NUT");
        dock = unique("DOCK");
        number = unique("PO");
        createProduct(bolt, 0);
        createProduct(nut, 0);
        createLocation(dock);
    }

    // --- create ---------------------------------------------------------------------------------

    @Test
    void aManagerCreatesAnOpenOrderWithItsLinesAndETag() {
        Map<String, Object> order = order(number, "Acme Fasteners", line(bolt, 10), line(nut, 5));
        order.put("expectedOn", "2026-12-15");
        order.put("note", "  dock door 2  ");

        Response created = as(Role.MANAGER).body(order).post("/purchase-orders");

        created.then()
                .statusCode(201)
                .header("Location", "/api/v1/purchase-orders/" + number)
                .header("ETag", "\"0\"")
                .body("number", equalTo(number))
                .body("supplier", equalTo("Acme Fasteners"))
                .body("status", equalTo("OPEN"))
                .body("allowOverReceipt", equalTo(false))
                .body("expectedOn", equalTo("2026-12-15"))
                .body("note", equalTo("dock door 2"))
                .body("createdBy", equalTo(StockroomTestServer.testUser(Role.MANAGER)))
                .body("lines.sku", equalTo(List.of(bolt, nut)))
                .body("lines.ordered", equalTo(List.of(10, 5)))
                .body("lines.received", equalTo(List.of(0, 0)))
                .body("lines.outstanding", equalTo(List.of(10, 5)))
                .body("lines[0].unitOfMeasure", equalTo("EA"))
                .body("receipts", hasSize(0));
        as(Role.VIEWER).get("/purchase-orders/{number}", number).then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("lines.sku", equalTo(List.of(bolt, nut)));
        assertThat(auditActions(number)).containsExactly("purchase_order.created");
    }

    @Test
    void invalidOrdersAre422WithAPointerPerFieldAndWriteNothing() {
        assertInvalidOrder(order("PO 1", "Acme", line(bolt, 1)), "/number");
        assertInvalidOrder(order(number, " ", line(bolt, 1)), "/supplier");
        assertInvalidOrder(order(number, "Acme"), "/lines");
        assertInvalidOrder(order(number, "Acme", line(bolt, 0)), "/lines/0/quantity");
        assertInvalidOrder(order(number, "Acme", line(bolt, 1), line(nut, -2)), "/lines/1/quantity");
        assertInvalidOrder(order(number, "Acme", line(bolt, 1), Map.of("quantity", 1)), "/lines/1/sku");
        // One line per SKU: the domain's rule, with the same kind of pointer.
        assertInvalidOrder(order(number, "Acme", line(bolt, 1), line(bolt, 2)), "/lines/1/sku");

        assertThat(orderCount(number)).isZero();
    }

    @Test
    void aQuantityFinerThanTheUnitIs400QuantityPrecision() {
        as(Role.MANAGER).body(order(number, "Acme", Map.of("sku", bolt, "quantity", 1.5)))
                .post("/purchase-orders")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "quantity-precision"))
                .body("errors[0].pointer", equalTo("/lines/0/quantity"));
        assertThat(orderCount(number)).isZero();
    }

    @Test
    void malformedOrdersAre400() {
        Map<String, Object> badDate = order(number, "Acme", line(bolt, 1));
        badDate.put("expectedOn", "next tuesday");
        as(Role.MANAGER).body(badDate).post("/purchase-orders").then().statusCode(400)
                .contentType("application/problem+json");
        Map<String, Object> badSwitch = order(number, "Acme", line(bolt, 1));
        badSwitch.put("allowOverReceipt", "yes");
        as(Role.MANAGER).body(badSwitch).post("/purchase-orders").then().statusCode(400);
        as(Role.MANAGER).body("{\"number\": ").post("/purchase-orders").then().statusCode(400);
        assertThat(orderCount(number)).isZero();
    }

    @Test
    void anUnknownProductIs404AnArchivedOneAndATakenNumber409() {
        as(Role.MANAGER).body(order(number, "Acme", line(unique("GHOST"), 1))).post("/purchase-orders")
                .then().statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));

        String archived = unique("OLD");
        createProduct(archived, 0);
        api().delete("/products/{sku}", archived).then().statusCode(204);
        as(Role.MANAGER).body(order(number, "Acme", line(archived, 1))).post("/purchase-orders")
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "product-archived"));
        assertThat(orderCount(number)).isZero();

        createOrder(number, false, line(bolt, 1));
        as(Role.MANAGER).body(order(number, "Someone else", line(nut, 1))).post("/purchase-orders")
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "already-exists"));
        as(Role.VIEWER).get("/purchase-orders/{number}", number).then().body("supplier", equalTo("Acme"));
    }

    @Test
    void onlyManagersCreateAndNobodyWithoutAToken() {
        as(Role.CLERK).body(order(number, "Acme", line(bolt, 1))).post("/purchase-orders")
                .then().statusCode(403).contentType("application/problem+json");
        anonymous().body(order(number, "Acme", line(bolt, 1))).post("/purchase-orders")
                .then().statusCode(401).contentType("application/problem+json");
        assertThat(orderCount(number)).isZero();
    }

    @Test
    void aKeyedCreateIsAppliedOnce() {
        Map<String, Object> order = order(number, "Acme", line(bolt, 3));
        String key = unique("key");

        Response first = as(Role.MANAGER).header("Idempotency-Key", key).body(order).post("/purchase-orders");
        Response retry = as(Role.MANAGER).header("Idempotency-Key", key).body(order).post("/purchase-orders");

        first.then().statusCode(201);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(orderCount(number)).isEqualTo(1);
    }

    // --- list and read --------------------------------------------------------------------------

    @Test
    void theListFiltersByStatusAndSupplierNewestFirstAPageAtATime() {
        String supplier = unique("Supplier");
        String older = unique("PO");
        String newer = unique("PO");
        createOrder(older, false, supplier, line(bolt, 1));
        createOrder(newer, false, supplier.toUpperCase(), line(bolt, 1));
        receipt(older, dock, line(bolt, 1)).then().statusCode(201);

        as(Role.VIEWER).queryParam("supplier", supplier.toLowerCase()).get("/purchase-orders")
                .then()
                .statusCode(200)
                .body("items.number", equalTo(List.of(newer, older)))
                .body("items[0].lines", nullValue())
                .body("next", nullValue());
        as(Role.VIEWER).queryParam("supplier", supplier).queryParam("status", "received").get("/purchase-orders")
                .then().body("items.number", equalTo(List.of(older)));
        as(Role.VIEWER).queryParam("supplier", supplier).queryParam("status", "OPEN").get("/purchase-orders")
                .then().body("items.number", equalTo(List.of(newer)));

        String next = as(Role.VIEWER).queryParam("supplier", supplier).queryParam("limit", 1).get("/purchase-orders")
                .then().body("items.number", equalTo(List.of(newer))).body("next", notNullValue())
                .extract().path("next");
        as(Role.VIEWER).queryParam("supplier", supplier).queryParam("limit", 1).queryParam("after", next)
                .get("/purchase-orders")
                .then().body("items.number", equalTo(List.of(older))).body("next", nullValue());
    }

    @Test
    void badListParametersAreRefused() {
        as(Role.VIEWER).queryParam("status", "LOST").get("/purchase-orders")
                .then().statusCode(422).body("errors[0].pointer", equalTo("status"));
        as(Role.VIEWER).queryParam("limit", 0).get("/purchase-orders").then().statusCode(422);
        as(Role.VIEWER).queryParam("after", "not-a-cursor").get("/purchase-orders").then().statusCode(400);
        anonymous().get("/purchase-orders").then().statusCode(401);
    }

    @Test
    void unknownOrdersAndReceiptsAre404() {
        as(Role.VIEWER).get("/purchase-orders/{number}", unique("PO")).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "not-found"));
        createOrder(number, false, line(bolt, 5));
        as(Role.VIEWER).get("/purchase-orders/{number}/receipts/{id}", number, 999999999).then().statusCode(404);
        // A receipt of another order is not this order's.
        String other = unique("PO");
        createOrder(other, false, line(bolt, 5));
        int id = receipt(other, dock, line(bolt, 1)).then().statusCode(201).extract().path("id");
        as(Role.VIEWER).get("/purchase-orders/{number}/receipts/{id}", number, id).then().statusCode(404);
        as(Role.VIEWER).get("/purchase-orders/{number}/receipts/{id}", other, id).then().statusCode(200);
    }

    // --- receive --------------------------------------------------------------------------------

    @Test
    void deliveriesWriteReceiveMovementsTrackWhatArrivedAndCompleteTheOrder() {
        createOrder(number, false, line(bolt, 10), line(nut, 5));

        Response first = receipt(number, dock, line(bolt, 4));
        first.then()
                .statusCode(201)
                .body("order", equalTo(number))
                .body("location", equalTo(dock))
                .body("receivedBy", equalTo(StockroomTestServer.testUser(Role.CLERK)))
                .body("reference", nullValue())
                .body("lines.sku", equalTo(List.of(bolt)))
                .body("lines.quantity", equalTo(List.of(4)));
        int firstId = first.path("id");
        assertThat(first.header("Location")).isEqualTo("/api/v1/purchase-orders/" + number + "/receipts/" + firstId);
        int movementId = first.path("lines[0].movementId");
        api().get("/movements/{id}", movementId).then()
                .body("type", equalTo("RECEIVE"))
                .body("sku", equalTo(bolt))
                .body("to", equalTo(dock))
                .body("quantity", equalTo(4))
                .body("reference", equalTo(number))
                .body("recordedBy", equalTo(StockroomTestServer.testUser(Role.CLERK)));
        as(Role.VIEWER).get("/purchase-orders/{number}", number).then()
                .header("ETag", "\"1\"")
                .body("status", equalTo("OPEN"))
                .body("lines.received", equalTo(List.of(4, 0)))
                .body("lines.outstanding", equalTo(List.of(6, 5)))
                .body("receipts.id", equalTo(List.of(firstId)));

        // Lines in any order; the receipt lists them by SKU.
        Map<String, Object> last = receiptBody(dock, line(nut, 5), line(bolt, 6));
        last.put("reference", "DN-77");
        as(Role.CLERK).body(last).post("/purchase-orders/{number}/receipts", number).then()
                .statusCode(201)
                .body("reference", equalTo("DN-77"))
                .body("lines.sku", equalTo(List.of(bolt, nut).stream().sorted().toList()));

        as(Role.VIEWER).get("/purchase-orders/{number}", number).then()
                .header("ETag", "\"2\"")
                .body("status", equalTo("RECEIVED"))
                .body("lines.received", equalTo(List.of(10, 5)))
                .body("lines.outstanding", equalTo(List.of(0, 0)))
                .body("receipts", hasSize(2))
                .body("receipts[1].reference", equalTo("DN-77"));
        as(Role.VIEWER).get("/purchase-orders/{number}/receipts/{id}", number, firstId).then()
                .statusCode(200).body("lines[0].movementId", equalTo(movementId));

        assertThat(Ledger.onHand(bolt, dock)).isEqualTo(10).isEqualTo(Ledger.ledgerSum(bolt, dock));
        assertThat(Ledger.onHand(nut, dock)).isEqualTo(5).isEqualTo(Ledger.ledgerSum(nut, dock));
        assertThat(Ledger.movementCount(bolt)).isEqualTo(2);
        assertThat(Ledger.inconsistentLevels()).isZero();
        assertThat(auditActions(number)).containsExactly("purchase_order.created", "purchase_order.received",
                "purchase_order.received");
    }

    @Test
    void overReceiptIs409WithTheFiguresAndTheWholeDeliveryIsRefused() {
        createOrder(number, false, line(bolt, 10), line(nut, 5));
        receipt(number, dock, line(bolt, 6)).then().statusCode(201);

        receipt(number, dock, line(nut, 2), line(bolt, 5))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "over-receipt"))
                .body("detail", containsString("expects 4 more of " + bolt))
                .body("sku", equalTo(bolt))
                .body("ordered", equalTo(10))
                .body("received", equalTo(6))
                .body("outstanding", equalTo(4))
                .body("delivered", equalTo(5));

        // All or nothing: the nut line was fine, and was not received either.
        assertThat(Ledger.onHand(bolt, dock)).isEqualTo(6);
        assertThat(Ledger.movementCount(nut)).isZero();
        as(Role.VIEWER).get("/purchase-orders/{number}", number).then()
                .header("ETag", "\"1\"").body("lines.received", equalTo(List.of(6, 0))).body("receipts", hasSize(1));
    }

    @Test
    void anOrderThatAllowsOverReceiptTakesMoreAndIsReceived() {
        createOrder(number, true, line(bolt, 10));

        receipt(number, dock, line(bolt, 12)).then().statusCode(201);

        as(Role.VIEWER).get("/purchase-orders/{number}", number).then()
                .body("allowOverReceipt", equalTo(true))
                .body("status", equalTo("RECEIVED"))
                .body("lines[0].received", equalTo(12))
                .body("lines[0].outstanding", equalTo(0));
        assertThat(Ledger.onHand(bolt, dock)).isEqualTo(12);
        receipt(number, dock, line(bolt, 1)).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "purchase-order-closed")).body("status", equalTo("RECEIVED"));
    }

    @Test
    void invalidDeliveriesAre422AndWriteNothing() {
        createOrder(number, false, line(bolt, 10));
        String notOnTheOrder = nut;

        assertInvalidDelivery(receiptBody(dock, line(notOnTheOrder, 1)), "/lines/0/sku");
        assertInvalidDelivery(receiptBody(dock, line(bolt, 1), line(bolt, 1)), "/lines/1/sku");
        assertInvalidDelivery(receiptBody(dock, line(bolt, 0)), "/lines/0/quantity");
        assertInvalidDelivery(receiptBody(dock), "/lines");
        assertInvalidDelivery(receiptBody(" ", line(bolt, 1)), "/location");
        Map<String, Object> noLines = new HashMap<>(Map.of("location", dock));
        assertInvalidDelivery(noLines, "/lines");

        as(Role.CLERK).body(receiptBody(dock, Map.of("sku", bolt, "quantity", 0.5)))
                .post("/purchase-orders/{number}/receipts", number)
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "quantity-precision"))
                .body("errors[0].pointer", equalTo("/lines/0/quantity"));
        as(Role.CLERK).body("{\"location\": \"" + dock + "\", \"lines\": [{\"sku\": \"" + bolt + "\", \"quantity\": \"1\"}]}")
                .post("/purchase-orders/{number}/receipts", number).then().statusCode(400);

        assertThat(Ledger.movementCount(bolt)).isZero();
        assertThat(receiptCount(number)).isZero();
    }

    @Test
    void anUnknownOrderOrLocationIs404() {
        receipt(unique("PO"), dock, line(bolt, 1)).then().statusCode(404).body("detail", containsString("purchase order"));
        createOrder(number, false, line(bolt, 10));
        receipt(number, unique("NOWHERE"), line(bolt, 1)).then().statusCode(404).body("detail", containsString("location"));
        assertThat(Ledger.movementCount(bolt)).isZero();
    }

    @Test
    void clerksReceiveViewersDoNot() {
        createOrder(number, false, line(bolt, 10));
        as(Role.VIEWER).body(receiptBody(dock, line(bolt, 1))).post("/purchase-orders/{number}/receipts", number)
                .then().statusCode(403);
        anonymous().body(receiptBody(dock, line(bolt, 1))).post("/purchase-orders/{number}/receipts", number)
                .then().statusCode(401);
        assertThat(Ledger.movementCount(bolt)).isZero();
    }

    @Test
    void aRetriedDeliveryWithItsKeyIsReceivedOnce() {
        createOrder(number, false, line(bolt, 10));
        String key = unique("delivery");
        Map<String, Object> delivery = receiptBody(dock, line(bolt, 4));

        Response first = as(Role.CLERK).header("Idempotency-Key", key).body(delivery)
                .post("/purchase-orders/{number}/receipts", number);
        Response retry = as(Role.CLERK).header("Idempotency-Key", key).body(delivery)
                .post("/purchase-orders/{number}/receipts", number);

        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(receiptCount(number)).isEqualTo(1);
        assertThat(Ledger.movementCount(bolt)).isEqualTo(1);
        assertThat(Ledger.onHand(bolt, dock)).isEqualTo(4);

        // The same key with another delivery is a client's mistake, not a new delivery.
        as(Role.CLERK).header("Idempotency-Key", key).body(receiptBody(dock, line(bolt, 5)))
                .post("/purchase-orders/{number}/receipts", number)
                .then().statusCode(422).body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        assertThat(receiptCount(number)).isEqualTo(1);
    }

    // --- cancel ---------------------------------------------------------------------------------

    @Test
    void cancelNeedsTheCurrentETagAndClosesTheOutstandingRest() {
        createOrder(number, false, line(bolt, 10));
        receipt(number, dock, line(bolt, 3)).then().statusCode(201);

        as(Role.MANAGER).post("/purchase-orders/{number}/cancel", number).then()
                .statusCode(428).body("type", equalTo(PROBLEMS + "precondition-required"));
        as(Role.MANAGER).header("If-Match", "\"0\"").post("/purchase-orders/{number}/cancel", number).then()
                .statusCode(412).body("type", equalTo(PROBLEMS + "edit-conflict")).body("currentEtag", equalTo("\"1\""));
        as(Role.CLERK).header("If-Match", "\"1\"").post("/purchase-orders/{number}/cancel", number).then()
                .statusCode(403);
        as(Role.VIEWER).get("/purchase-orders/{number}", number).then().body("status", equalTo("OPEN"));

        as(Role.MANAGER).header("If-Match", "\"1\"").post("/purchase-orders/{number}/cancel", number).then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("status", equalTo("CANCELLED"))
                .body("lines[0].received", equalTo(3))
                .body("lines[0].outstanding", equalTo(0))
                .body("receipts", hasSize(1));

        // What arrived stays; nothing more is taken, and a second cancel is refused.
        assertThat(Ledger.onHand(bolt, dock)).isEqualTo(3);
        receipt(number, dock, line(bolt, 1)).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "purchase-order-closed")).body("status", equalTo("CANCELLED"));
        as(Role.MANAGER).header("If-Match", "*").post("/purchase-orders/{number}/cancel", number).then()
                .statusCode(409).body("type", equalTo(PROBLEMS + "purchase-order-closed"));
        as(Role.MANAGER).header("If-Match", "*").post("/purchase-orders/{number}/cancel", unique("PO")).then()
                .statusCode(404);
        assertThat(auditActions(number)).containsExactly("purchase_order.created", "purchase_order.received",
                "purchase_order.cancelled");
    }

    // --- helpers --------------------------------------------------------------------------------

    static Map<String, Object> line(String sku, Object quantity) {
        return Map.of("sku", sku, "quantity", quantity);
    }

    @SafeVarargs
    static Map<String, Object> order(String number, String supplier, Map<String, Object>... lines) {
        Map<String, Object> order = new HashMap<>();
        order.put("number", number);
        order.put("supplier", supplier);
        order.put("lines", List.of(lines));
        return order;
    }

    @SafeVarargs
    static void createOrder(String number, boolean allowOverReceipt, Map<String, Object>... lines) {
        createOrder(number, allowOverReceipt, "Acme", lines);
    }

    @SafeVarargs
    static void createOrder(String number, boolean allowOverReceipt, String supplier, Map<String, Object>... lines) {
        Map<String, Object> order = order(number, supplier, lines);
        order.put("allowOverReceipt", allowOverReceipt);
        as(Role.MANAGER).body(order).post("/purchase-orders").then().statusCode(201);
    }

    @SafeVarargs
    static Map<String, Object> receiptBody(String location, Map<String, Object>... lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("location", location);
        body.put("lines", new ArrayList<>(List.of(lines)));
        return body;
    }

    @SafeVarargs
    static Response receipt(String number, String location, Map<String, Object>... lines) {
        return as(Role.CLERK).body(receiptBody(location, lines)).post("/purchase-orders/{number}/receipts", number);
    }

    private static void assertInvalidOrder(Map<String, Object> order, String pointer) {
        as(Role.MANAGER).body(order).post("/purchase-orders").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "invalid-fields"))
                .body("errors.pointer", hasItem(pointer));
    }

    private void assertInvalidDelivery(Map<String, Object> delivery, String pointer) {
        as(Role.CLERK).body(delivery).post("/purchase-orders/{number}/receipts", number).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItem(pointer))
                .body("errors.pointer", not(hasItem("")));
    }

    static long orderCount(String number) {
        return Ledger.queryLong("select count(*) from purchase_order where number = ?", number);
    }

    static long receiptCount(String number) {
        return Ledger.queryLong("""
                select count(*) from purchase_receipt r join purchase_order o on o.id = r.purchase_order_id
                 where o.number = ?""", number);
    }

    private static List<String> auditActions(String number) {
        List<String> actions = new ArrayList<>();
        try (Connection connection = StockroomTestServer.database().connect();
             PreparedStatement query = connection.prepareStatement("""
                     select action from audit_event where subject_type = 'purchase_order' and subject_key = ?
                      order by id""")) {
            query.setString(1, number);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return actions;
    }
}
