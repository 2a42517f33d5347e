package org.stockroom.location;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.unique;

class LocationApiIT {

    @Test
    void createReturns201WithLocationHeader() {
        String code = unique("WH");
        api().body(Map.of("code", code, "name", "Warehouse " + code))
                .post("/locations")
                .then()
                .statusCode(201)
                .header("Location", "/api/v1/locations/" + code)
                .body("code", equalTo(code))
                .body("name", equalTo("Warehouse " + code))
                .body("createdAt", notNullValue());

        api().get("/locations/{code}", code).then().statusCode(200).body("code", equalTo(code));
    }

    @Test
    void duplicateCodeIs409() {
        String code = unique("DUP");
        createLocation(code);
        api().body(Map.of("code", code, "name", "Again"))
                .post("/locations")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void invalidFieldsAre422() {
        api().body(Map.of("code", "-bad code", "name", ""))
                .post("/locations")
                .then()
                .statusCode(422)
                .body("errors.pointer", equalTo(List.of("/code", "/name")));
    }

    @Test
    void unknownLocationIs404() {
        api().get("/locations/{code}", unique("NOWHERE"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void listPagesInCodeOrder() {
        String a = unique("LA");
        String b = unique("LB");
        createLocation(a);
        createLocation(b);

        api().queryParam("limit", 500).get("/locations")
                .then()
                .statusCode(200)
                .body("items.code", hasItems(a, b));

        String next = api().queryParam("limit", 1).get("/locations").path("next");
        api().queryParam("limit", 1).queryParam("after", next).get("/locations")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
    }
}
