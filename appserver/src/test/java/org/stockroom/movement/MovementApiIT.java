package org.stockroom.movement;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.move;
import static org.stockroom.testing.Api.receive;
import static org.stockroom.testing.Api.unique;

class MovementApiIT {

    private String sku;
    private String main;
    private String shop;

    @BeforeEach
    void createProductAndLocations() {
        sku = unique("MOVE");
        main = unique("MAIN");
        shop = unique("SHOP");
        createProduct(sku, 2);
        createLocation(main);
        createLocation(shop);
    }

    @Test
    void receiveReturns201WithTheMovementAndRaisesOnHand() {
        Response response = api()
                .body(Map.of("type", "RECEIVE", "sku", sku, "quantity", 10, "to", main, "reference", "PO-1"))
                .post("/movements");

        response.then()
                .statusCode(201)
                .body("id", notNullValue())
                .body("type", equalTo("RECEIVE"))
                .body("sku", equalTo(sku))
                .body("quantity", equalTo(10))
                .body("from", nullValue())
                .body("to", equalTo(main))
                .body("reference", equalTo("PO-1"))
                .body("occurredAt", notNullValue());
        long id = ((Number) response.path("id")).longValue();
        assertThat(response.header("Location")).isEqualTo("/api/v1/movements/" + id);

        api().get("/movements/{id}", id).then().statusCode(200).body("reference", equalTo("PO-1"));
        assertThat(Ledger.onHand(sku, main)).isEqualTo(10);
    }

    @Test
    void theUserStoryFromTheIssue() {
        receive(sku, main, 10);
        move(Map.of("type", "TRANSFER", "sku", sku, "quantity", 4, "from", main, "to", shop));

        api().body(Map.of("type", "ISSUE", "sku", sku, "quantity", 7, "from", main))
                .post("/movements")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("insufficient-stock"))
                .body("detail", containsString("6 on hand"))
                .body("onHand", equalTo(6))
                .body("requested", equalTo(7));

        move(Map.of("type", "ISSUE", "sku", sku, "quantity", 6, "from", main));

        api().queryParam("sku", sku).get("/stock")
                .then()
                .statusCode(200)
                .body("items.location", equalTo(List.of(main, shop).stream().sorted().toList()))
                .body("items.find { it.location == '" + main + "' }.onHand", equalTo(0))
                .body("items.find { it.location == '" + shop + "' }.onHand", equalTo(4));
        api().queryParam("sku", sku).get("/movements")
                .then()
                .statusCode(200)
                .body("items.type", equalTo(List.of("ISSUE", "TRANSFER", "RECEIVE")));

        assertThat(Ledger.movementCount(sku)).isEqualTo(3);
        assertThat(Ledger.onHand(sku, main)).isEqualTo(Ledger.ledgerSum(sku, main)).isZero();
        assertThat(Ledger.onHand(sku, shop)).isEqualTo(Ledger.ledgerSum(sku, shop)).isEqualTo(4);
    }

    @Test
    void transferIsAllOrNothing() {
        receive(sku, main, 3);

        api().body(Map.of("type", "TRANSFER", "sku", sku, "quantity", 5, "from", main, "to", shop))
                .post("/movements")
                .then()
                .statusCode(409)
                .body("onHand", equalTo(3));

        assertThat(Ledger.onHand(sku, main)).isEqualTo(3);
        assertThat(Ledger.onHand(sku, shop)).isZero();
        assertThat(Ledger.movementCount(sku)).isEqualTo(1);
    }

    @Test
    void issueFromALocationThatNeverHeldTheProductIs409WithZeroOnHand() {
        api().body(Map.of("type", "ISSUE", "sku", sku, "quantity", 1, "from", shop))
                .post("/movements")
                .then()
                .statusCode(409)
                .body("onHand", equalTo(0));
        assertThat(Ledger.movementCount(sku)).isZero();
    }

    @Test
    void adjustCorrectsStockEitherWayWithAReason() {
        receive(sku, main, 5);

        api().body(Map.of("type", "ADJUST", "sku", sku, "quantity", -2, "to", main, "reason", "cycle count"))
                .post("/movements")
                .then()
                .statusCode(201)
                .body("quantity", equalTo(-2))
                .body("reason", equalTo("cycle count"));
        move(Map.of("type", "ADJUST", "sku", sku, "quantity", 4, "from", main, "reason", "found a box"));
        assertThat(Ledger.onHand(sku, main)).isEqualTo(7).isEqualTo(Ledger.ledgerSum(sku, main));

        api().body(Map.of("type", "ADJUST", "sku", sku, "quantity", -8, "to", main, "reason", "too much"))
                .post("/movements")
                .then()
                .statusCode(409)
                .body("onHand", equalTo(7));
    }

    @Test
    void movementsOfTheWrongShapeAre422AndWriteNothing() {
        assertInvalid(Map.of("type", "RECEIVE", "sku", sku, "quantity", 1), "/to");
        assertInvalid(Map.of("type", "RECEIVE", "sku", sku, "quantity", 0, "to", main), "/quantity");
        assertInvalid(Map.of("type", "RECEIVE", "sku", sku, "quantity", 1, "to", main, "from", shop), "/from");
        assertInvalid(Map.of("type", "ISSUE", "sku", sku, "quantity", -1, "from", main), "/quantity");
        assertInvalid(Map.of("type", "TRANSFER", "sku", sku, "quantity", 1, "from", main, "to", main), "/to");
        assertInvalid(Map.of("type", "TRANSFER", "sku", sku, "quantity", 1, "to", main), "/from");
        assertInvalid(Map.of("type", "ADJUST", "sku", sku, "quantity", 1, "to", main), "/reason");
        assertInvalid(Map.of("type", "ADJUST", "sku", sku, "quantity", 0, "to", main, "reason", "r"), "/quantity");
        assertInvalid(Map.of("type", "SELL", "sku", sku, "quantity", 1, "from", main), "/type");
        assertInvalid(Map.of("type", "RECEIVE", "sku", sku, "to", main), "/quantity");
        assertInvalid(Map.of("type", "RECEIVE", "quantity", 1, "to", main), "/sku");

        assertThat(Ledger.movementCount(sku)).isZero();
    }

    @Test
    void unknownProductOrLocationIs404() {
        api().body(Map.of("type", "RECEIVE", "sku", unique("GHOST"), "quantity", 1, "to", main))
                .post("/movements")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        api().body(Map.of("type", "RECEIVE", "sku", sku, "quantity", 1, "to", unique("NOWHERE")))
                .post("/movements")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(Ledger.movementCount(sku)).isZero();
    }

    @Test
    void malformedMovementIs400() {
        Map<String, Object> body = new HashMap<>(Map.of("type", "RECEIVE", "sku", sku, "to", main));
        body.put("quantity", "ten");
        api().body(body).post("/movements").then().statusCode(400).contentType("application/problem+json");
        api().body("[1, 2").post("/movements").then().statusCode(400).contentType("application/problem+json");
        assertThat(Ledger.movementCount(sku)).isZero();
    }

    @Test
    void quantitiesMustBeWholeJsonNumbersInRange() {
        // Each of these was once silently turned into a different quantity.
        for (String quantity : List.of("1.5", "\"5\"", "4294967298", "3000000000", "true", "1e400")) {
            api().body("{\"type\":\"RECEIVE\",\"sku\":\"" + sku + "\",\"to\":\"" + main
                            + "\",\"quantity\":" + quantity + "}")
                    .post("/movements")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("quantity"));
        }
        assertThat(Ledger.movementCount(sku)).isZero();
    }

    @Test
    void unknownMovementIs404() {
        api().get("/movements/{id}", Long.MAX_VALUE).then().statusCode(404);
    }

    @Test
    void listFiltersBySkuLocationAndTimeAndPagesNewestFirst() {
        receive(sku, main, 5);
        Instant between = Instant.now();
        receive(sku, shop, 1);
        receive(sku, shop, 2);

        api().queryParam("sku", sku).queryParam("location", shop).get("/movements")
                .then()
                .statusCode(200)
                .body("items.quantity", equalTo(List.of(2, 1)));
        api().queryParam("sku", sku).queryParam("since", between.toString()).get("/movements")
                .then()
                .body("items.quantity", equalTo(List.of(2, 1)));
        api().queryParam("location", main).queryParam("limit", 500).get("/movements")
                .then()
                .body("items.sku", hasItem(sku));

        Response first = api().queryParam("sku", sku).queryParam("limit", 2).get("/movements");
        first.then().body("items.quantity", equalTo(List.of(2, 1)));
        api().queryParam("sku", sku).queryParam("limit", 2).queryParam("after", (String) first.path("next"))
                .get("/movements")
                .then()
                .body("items.quantity", equalTo(List.of(5)))
                .body("next", nullValue());
    }

    @Test
    void badSinceIs422() {
        api().queryParam("since", "yesterday").get("/movements")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", equalTo("since"));
    }

    private void assertInvalid(Map<String, Object> movement, String pointer) {
        api().body(movement)
                .post("/movements")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItem(pointer));
    }
}
