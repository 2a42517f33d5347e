package org.stockroom.unit;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Ledger;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.unique;

/**
 * Products counted in metres and kilograms (issue 14, item 8): the unit decides the decimal
 * places, quantities stay exact through the ledger, and a quantity finer than the unit is a 400.
 */
class FractionalQuantityApiIT {

    /** Reads JSON numbers as BigDecimal, so that 12.125 is checked exactly, not as a float. */
    private static RequestSpecification exact() {
        return api().config(RestAssuredConfig.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    private static void createProductIn(String sku, String unit, String reorderPoint) {
        api().body(Map.of("sku", sku, "name", "Cable " + sku, "unitOfMeasure", unit,
                        "reorderPoint", new BigDecimal(reorderPoint)))
                .post("/products").then().statusCode(201);
    }

    private static Map<String, Object> movement(String type, String sku, String from, String to, String quantity) {
        Map<String, Object> movement = new HashMap<>(Map.of("type", type, "sku", sku, "quantity", new BigDecimal(quantity)));
        if (from != null) {
            movement.put("from", from);
        }
        if (to != null) {
            movement.put("to", to);
        }
        return movement;
    }

    @Test
    void unitsListTheirDecimalPlaces() {
        api().get("/units")
                .then()
                .statusCode(200)
                .body("items.find { it.code == 'EA' }.decimalPlaces", equalTo(0))
                .body("items.find { it.code == 'M' }.decimalPlaces", equalTo(3))
                .body("items.find { it.code == 'KG' }.decimalPlaces", equalTo(3))
                .body("items.code", hasItems("EA", "M", "KG", "L"));
    }

    @Test
    void metresMoveExactlyAndShowInTheUnitsPlaces() {
        String cable = unique("CABLE");
        String drum = unique("DRUM");
        createProductIn(cable, "m", "25.5");
        createLocation(drum);

        exact().body(movement("RECEIVE", cable, null, drum, "100.5")).post("/movements").then().statusCode(201)
                .body("quantity", comparesEqualTo(new BigDecimal("100.5")));
        for (String cut : List.of("0.1", "0.2", "12.125")) {
            api().body(movement("ISSUE", cable, drum, null, cut)).post("/movements").then().statusCode(201);
        }

        // 100.5 - 0.1 - 0.2 - 12.125, exactly: a double would give 88.07499999999999
        assertThat(Ledger.onHandExact(cable, drum)).isEqualByComparingTo("88.075");
        assertThat(Ledger.ledgerSumExact(cable, drum)).isEqualByComparingTo("88.075");
        String product = api().get("/products/{sku}", cable).then().statusCode(200).extract().asString();
        assertThat(product).contains("\"decimalPlaces\":3", "\"onHand\":88.075", "\"reorderPoint\":25.500");
        String stock = api().queryParam("sku", cable).get("/stock").then().statusCode(200).extract().asString();
        assertThat(stock).contains("\"onHand\":88.075");
        exact().queryParam("sku", cable).get("/movements").then()
                .body("items[0].quantity", comparesEqualTo(new BigDecimal("12.125")));
    }

    @Test
    void wholeUnitsStayWholeNumbersInTheJson() {
        String bolt = unique("BOLT");
        String bin = unique("BIN");
        createProduct(bolt, 4);
        createLocation(bin);

        String answer = api().body(movement("RECEIVE", bolt, null, bin, "5.000")).post("/movements")
                .then().statusCode(201).extract().asString();

        assertThat(answer).contains("\"quantity\":5,");
        assertThat(api().get("/products/{sku}", bolt).then().extract().asString())
                .contains("\"onHand\":5,", "\"reorderPoint\":4,", "\"decimalPlaces\":0");
    }

    @Test
    void aQuantityFinerThanTheUnitIs400AndWritesNothing() {
        String bolt = unique("BOLT");
        String cable = unique("CABLE");
        String bin = unique("BIN");
        createProduct(bolt, 0);
        createProductIn(cable, "M", "0");
        createLocation(bin);

        api().body(movement("RECEIVE", bolt, null, bin, "1.5")).post("/movements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stockroom.dev/problems/quantity-precision"))
                .body("detail", equalTo("quantity 1.5 is finer than " + bolt + " is counted in: whole EA"))
                .body("errors[0].pointer", equalTo("/quantity"))
                .body("decimalPlaces", equalTo(0));
        api().body(movement("RECEIVE", cable, null, bin, "1.0005")).post("/movements")
                .then()
                .statusCode(400)
                .body("detail", containsString("M to 3 decimal places"));
        api().body(movement("RECEIVE", cable, null, bin, "0.0000001")).post("/movements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("quantity"));

        assertThat(Ledger.movementCount(bolt)).isZero();
        assertThat(Ledger.movementCount(cable)).isZero();
    }

    @Test
    void aReorderPointFinerThanTheUnitIs400() {
        api().body(Map.of("sku", unique("BOLT"), "name", "Bolt", "reorderPoint", new BigDecimal("2.5")))
                .post("/products")
                .then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/reorderPoint"));
    }

    @Test
    void aUnitCannotBecomeCoarserThanTheHistoryButCanWhenTheHistoryIsWhole() {
        String cut = unique("CUT");
        String whole = unique("WHOLE");
        String drum = unique("DRUM");
        createProductIn(cut, "M", "0");
        createProductIn(whole, "M", "0");
        createLocation(drum);
        api().body(movement("RECEIVE", cut, null, drum, "2.5")).post("/movements").then().statusCode(201);
        api().body(movement("RECEIVE", whole, null, drum, "3")).post("/movements").then().statusCode(201);

        api().header("If-Match", etagOf(cut)).body(Map.of("name", "Cut cable", "unitOfMeasure", "EA"))
                .put("/products/{sku}", cut)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://stockroom.dev/problems/unit-too-coarse"));
        api().header("If-Match", etagOf(whole)).body(Map.of("name", "Whole cable", "unitOfMeasure", "EA"))
                .put("/products/{sku}", whole)
                .then()
                .statusCode(200)
                .body("decimalPlaces", equalTo(0))
                .body("onHand", equalTo(3));
    }

    @Test
    void insufficientStockIsToldInTheUnitsPlaces() {
        String cable = unique("CABLE");
        String drum = unique("DRUM");
        createProductIn(cable, "M", "0");
        createLocation(drum);
        api().body(movement("RECEIVE", cable, null, drum, "1.25")).post("/movements").then().statusCode(201);

        api().body(movement("ISSUE", cable, drum, null, "2")).post("/movements")
                .then()
                .statusCode(409)
                .body("detail", equalTo("Insufficient stock of " + cable + " at " + drum
                        + ": 1.250 on hand, 2.000 requested"));
    }

    private static String etagOf(String sku) {
        return api().get("/products/{sku}", sku).then().statusCode(200).extract().header("ETag");
    }
}
