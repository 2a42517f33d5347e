package org.stockroom.stock;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.receive;
import static org.stockroom.testing.Api.unique;

class StockApiIT {

    @Test
    void levelsShowOnHandPerLocationWithTheReorderPoint() {
        String sku = unique("LVL");
        String a = unique("A");
        String b = unique("B");
        createProduct(sku, 6);
        createLocation(a);
        createLocation(b);
        receive(sku, a, 2);
        receive(sku, b, 3);

        api().queryParam("sku", sku).get("/stock")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].sku", equalTo(sku))
                .body("items.onHand", equalTo(List.of(2, 3)))
                .body("items.reorderPoint", equalTo(List.of(6, 6)))
                .body("next", nullValue());
        api().queryParam("sku", sku).queryParam("location", b).get("/stock")
                .then()
                .body("items.location", equalTo(List.of(b)))
                .body("items[0].onHand", equalTo(3));
    }

    @Test
    void belowReorderReportsProductsWhoseTotalIsUnderTheReorderPoint() {
        String low = unique("LOW");
        String fine = unique("FINE");
        String location = unique("LOC");
        createProduct(low, 10);
        createProduct(fine, 10);
        createLocation(location);
        receive(low, location, 9);
        receive(fine, location, 10);

        api().queryParam("location", location).queryParam("belowReorder", true).get("/stock")
                .then()
                .statusCode(200)
                .body("items.sku", equalTo(List.of(low)))
                .body("items[0].onHand", equalTo(9));
    }

    @Test
    void levelsPageWithACursor() {
        String sku = unique("PG");
        createProduct(sku, 0);
        for (String code : List.of(unique("X1"), unique("X2"), unique("X3"))) {
            createLocation(code);
            receive(sku, code, 1);
        }
        Response first = api().queryParam("sku", sku).queryParam("limit", 2).get("/stock");
        first.then().body("items.size()", equalTo(2));
        api().queryParam("sku", sku).queryParam("limit", 2).queryParam("after", (String) first.path("next"))
                .get("/stock")
                .then()
                .body("items.size()", equalTo(1))
                .body("next", nullValue());
    }

    @Test
    void unknownFiltersGiveAnEmptyReport() {
        api().queryParam("sku", unique("NONE")).get("/stock").then().statusCode(200)
                .body("items", equalTo(List.of()));
        api().queryParam("after", "%%%").get("/stock").then().statusCode(400);
        api().queryParam("limit", 501).get("/stock").then().statusCode(422);
        api().queryParam("belowReorder", "yes").get("/stock").then().statusCode(422)
                .body("errors[0].pointer", equalTo("belowReorder"));
        api().queryParam("includeArchived", "maybe").get("/products").then().statusCode(422)
                .body("errors[0].pointer", equalTo("includeArchived"));
    }

    @Test
    void levelsAfterADifferentFilterUseTheirOwnOrder() {
        String sku = unique("ORD");
        String location = unique("ORDLOC");
        createProduct(sku, 0);
        createLocation(location);
        receive(sku, location, 1);
        api().queryParam("location", location).get("/stock")
                .then()
                .body("items", equalTo(List.of(Map.of("sku", sku, "location", location, "onHand", 1, "reserved", 0,
                        "available", 1, "reorderPoint", 0))));
    }
}
