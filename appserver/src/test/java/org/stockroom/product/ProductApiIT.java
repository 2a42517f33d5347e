package org.stockroom.product;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.move;
import static org.stockroom.testing.Api.receive;
import static org.stockroom.testing.Api.unique;

class ProductApiIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void createReturns201WithLocationEtagAndTheProduct() {
        String sku = unique("BOLT");

        api().body(Map.of("sku", sku, "name", "Hex bolt M8", "description", "Zinc plated",
                        "unitOfMeasure", "BOX", "category", "Fasteners", "reorderPoint", 5))
                .post("/products")
                .then()
                .statusCode(201)
                .header("Location", "/api/v1/products/" + sku)
                .header("ETag", "\"0\"")
                .body("sku", equalTo(sku))
                .body("name", equalTo("Hex bolt M8"))
                .body("description", equalTo("Zinc plated"))
                .body("unitOfMeasure", equalTo("BOX"))
                .body("category", equalTo("Fasteners"))
                .body("reorderPoint", equalTo(5))
                .body("archived", equalTo(false))
                .body("onHand", equalTo(0));

        api().get("/products/{sku}", sku)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("name", equalTo("Hex bolt M8"));
    }

    @Test
    void createAppliesDefaults() {
        String sku = unique("NUT");
        api().body(Map.of("sku", sku, "name", "Nut"))
                .post("/products")
                .then()
                .statusCode(201)
                .body("unitOfMeasure", equalTo("EA"))
                .body("reorderPoint", equalTo(0))
                .body("description", nullValue());
    }

    @Test
    void duplicateSkuIs409() {
        String sku = unique("DUP");
        createProduct(sku, 0);

        api().body(Map.of("sku", sku, "name", "Again"))
                .post("/products")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(409))
                .body("detail", containsString(sku));
    }

    @Test
    void invalidFieldsAre422WithAPointerEach() {
        api().body(Map.of("sku", "has space", "name", " ", "reorderPoint", -1))
                .post("/products")
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("type", containsString("invalid-fields"))
                .body("title", equalTo("Invalid fields"))
                .body("instance", equalTo("/api/v1/products"))
                .body("errors.pointer", equalTo(List.of("/name", "/reorderPoint", "/sku")));
    }

    @Test
    void aBlankSkuIsOneErrorThatItIsBlank() {
        api().body(Map.of("sku", "", "name", "Nameless bolt"))
                .post("/products")
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("sku must not be blank"))
                .body("errors.pointer", equalTo(List.of("/sku")))
                .body("errors[0].message", equalTo("must not be blank"));
    }

    @Test
    void missingRequiredFieldsAre422() {
        api().body(Map.of("description", "no sku, no name"))
                .post("/products")
                .then()
                .statusCode(422)
                .body("errors.pointer", equalTo(List.of("/name", "/sku")));
    }

    @Test
    void malformedJsonIs400() {
        api().body("{\"sku\": \"X\", ")
                .post("/products")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400));
    }

    @Test
    void unknownAndWrongTypedFieldsAre400AndWriteNothing() {
        String sku = unique("ODD");
        api().body(Map.of("sku", sku, "name", "x", "colour", "red"))
                .post("/products")
                .then()
                .statusCode(400)
                .body("detail", containsString("colour"));
        api().body(Map.of("sku", sku, "name", "x", "reorderPoint", "lots"))
                .post("/products")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);

        api().get("/products/{sku}", sku).then().statusCode(404);
    }

    @Test
    void aBodyOfTheWrongShapeIs400InAClientsWords() {
        api().body(List.of(1, 2))
                .post("/products")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("detail", equalTo("The request body is not valid JSON for this resource: "
                        + "expected an object, not an array"));
        api().body(Map.of("number", unique("PO"), "supplier", "Acme", "lines", Map.of("sku", "X")))
                .post("/purchase-orders")
                .then()
                .statusCode(400)
                .body("detail", equalTo("The request body is not valid JSON for this resource: "
                        + "field 'lines': expected an array, not an object"));
    }

    @Test
    void emptyBodyIs400() {
        api().post("/products").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void wrongContentTypeIs415() {
        api().contentType("text/plain").body("sku=X")
                .post("/products")
                .then()
                .statusCode(415)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void unknownProductIs404() {
        api().get("/products/{sku}", unique("MISSING"))
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404));
    }

    @Test
    void unsupportedMethodIs405Problem() {
        api().patch("/products/{sku}", "ANY")
                .then()
                .statusCode(405)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void searchPagesThroughResultsInSkuOrder() {
        String prefix = unique("PAGE");
        for (String suffix : List.of("C", "A", "B")) {
            createProduct(prefix + "-" + suffix, 0);
        }

        Response first = api().queryParam("q", prefix).queryParam("limit", 2).get("/products");
        first.then().statusCode(200).body("items.sku", equalTo(List.of(prefix + "-A", prefix + "-B")));
        String next = first.path("next");
        assertThat(next).isNotBlank();

        api().queryParam("q", prefix).queryParam("limit", 2).queryParam("after", next)
                .get("/products")
                .then()
                .statusCode(200)
                .body("items.sku", equalTo(List.of(prefix + "-C")))
                .body("next", nullValue());
    }

    @Test
    void searchMatchesNameCaseInsensitivelyAndFiltersByCategory() {
        String sku = unique("CAT");
        String category = unique("Category");
        api().body(Map.of("sku", sku, "name", "Galvanised Washer " + sku, "category", category))
                .post("/products").then().statusCode(201);

        api().queryParam("q", "galvanised washer " + sku.toLowerCase())
                .get("/products").then().statusCode(200).body("items.sku", equalTo(List.of(sku)));
        api().queryParam("category", category)
                .get("/products").then().statusCode(200).body("items.sku", equalTo(List.of(sku)));
        api().queryParam("category", category + "-other")
                .get("/products").then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void searchTreatsLikeWildcardsLiterally() {
        String sku = unique("WILD");  // e.g. WILD-k3x9q2ab
        createProduct(sku, 0);
        // As LIKE patterns both would find the product; taken literally, as they must be, neither
        // does. (A bare "%" would not do: other tests may store names with a literal '%'.)
        api().queryParam("q", sku.substring(0, 7) + "%").get("/products").then().statusCode(200)
                .body("items", equalTo(List.of()));
        api().queryParam("q", sku.substring(0, 5) + "_" + sku.substring(6)).get("/products").then().statusCode(200)
                .body("items", equalTo(List.of()));
        api().queryParam("q", sku).get("/products").then().statusCode(200)
                .body("items.sku", equalTo(List.of(sku)));
    }

    @Test
    void belowReorderListsOnlyProductsUnderTheirReorderPoint() {
        String prefix = unique("LOW");
        String location = unique("LOC");
        createLocation(location);
        createProduct(prefix + "-LOW", 5);
        createProduct(prefix + "-OK", 5);
        receive(prefix + "-LOW", location, 4);
        receive(prefix + "-OK", location, 5);

        api().queryParam("q", prefix).queryParam("belowReorder", true)
                .get("/products")
                .then()
                .statusCode(200)
                .body("items.sku", equalTo(List.of(prefix + "-LOW")))
                .body("items[0].onHand", equalTo(4));
    }

    @Test
    void badPagingParametersAreRefused() {
        api().queryParam("limit", 0).get("/products").then().statusCode(422)
                .body("errors[0].pointer", equalTo("limit"));
        api().queryParam("limit", "many").get("/products").then().statusCode(422);
        api().queryParam("after", "not-a-cursor!").get("/products").then().statusCode(400)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void updateWithCurrentEtagReplacesDetailsAndBumpsTheEtag() {
        String sku = unique("EDIT");
        createProduct(sku, 1);
        String etag = api().get("/products/{sku}", sku).header("ETag");

        api().header("If-Match", etag)
                .body(Map.of("name", "Renamed", "category", "Tools", "reorderPoint", 7))
                .put("/products/{sku}", sku)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Renamed"))
                .body("category", equalTo("Tools"))
                .body("reorderPoint", equalTo(7))
                .body("version", equalTo(1));

        api().get("/products/{sku}", sku).then().body("name", equalTo("Renamed"));
    }

    @Test
    void updateAcceptsTheRepresentationItRead() {
        String sku = unique("ROUND");
        createProduct(sku, 1);
        Response read = api().get("/products/{sku}", sku);
        Map<String, Object> body = new java.util.HashMap<>(read.as(Map.class));
        body.put("name", "Round trip");

        api().header("If-Match", read.header("ETag")).body(body)
                .put("/products/{sku}", sku)
                .then()
                .statusCode(200)
                .body("name", equalTo("Round trip"));
    }

    @Test
    void theEtagIsTheDetailsVersionSoStockMovementsLeaveItValid() {
        // The ETag guards edits of the details; on hand changes only by movements, never by an edit.
        String sku = unique("TAGSTOCK");
        String location = unique("TAGLOC");
        createProduct(sku, 1);
        createLocation(location);
        String etag = api().get("/products/{sku}", sku).header("ETag");

        receive(sku, location, 5);

        api().get("/products/{sku}", sku).then().statusCode(200).header("ETag", etag).body("onHand", equalTo(5));
        api().header("If-Match", etag).body(Map.of("name", "Edited after a receipt"))
                .put("/products/{sku}", sku)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("onHand", equalTo(5));
        move(Map.of("type", "ISSUE", "sku", sku, "from", location, "quantity", 2));
        api().get("/products/{sku}", sku).then().header("ETag", "\"1\"").body("onHand", equalTo(3));
        api().queryParam("q", sku).get("/products").then().body("items[0].onHand", equalTo(3));
    }

    @Test
    void updateWithStaleEtagIs412AndChangesNothing() {
        String sku = unique("STALE");
        createProduct(sku, 1);
        String original = api().get("/products/{sku}", sku).header("ETag");
        api().header("If-Match", original).body(Map.of("name", "First edit"))
                .put("/products/{sku}", sku).then().statusCode(200);

        api().header("If-Match", original).body(Map.of("name", "Second edit"))
                .put("/products/{sku}", sku)
                .then()
                .statusCode(412)
                .contentType(PROBLEM_JSON);

        api().get("/products/{sku}", sku).then().body("name", equalTo("First edit"));
    }

    @Test
    void updateWithoutIfMatchIs428() {
        String sku = unique("NOMATCH");
        createProduct(sku, 1);
        api().body(Map.of("name", "Blind edit"))
                .put("/products/{sku}", sku)
                .then()
                .statusCode(428)
                .contentType(PROBLEM_JSON);
        api().get("/products/{sku}", sku).then().body("name", equalTo("Test product " + sku));
    }

    @Test
    void updateCannotChangeTheSku() {
        String sku = unique("KEEP");
        createProduct(sku, 1);
        api().header("If-Match", "\"0\"").body(Map.of("sku", sku + "-NEW", "name", "x"))
                .put("/products/{sku}", sku)
                .then()
                .statusCode(422)
                .body("errors[0].pointer", equalTo("/sku"));
    }

    @Test
    void updateOfUnknownProductIs404() {
        api().header("If-Match", "\"0\"").body(Map.of("name", "x"))
                .put("/products/{sku}", unique("GHOST"))
                .then()
                .statusCode(404);
    }

    @Test
    void deleteArchivesAProductWithoutStock() {
        String sku = unique("OLD");
        String location = unique("LOC");
        createProduct(sku, 0);
        createLocation(location);

        api().delete("/products/{sku}", sku).then().statusCode(204);
        api().delete("/products/{sku}", sku).then().statusCode(204);

        api().get("/products/{sku}", sku).then().statusCode(200).body("archived", equalTo(true));
        api().queryParam("q", sku).get("/products").then().body("items", equalTo(List.of()));
        api().queryParam("q", sku).queryParam("includeArchived", true).get("/products")
                .then().body("items.sku", equalTo(List.of(sku)));

        api().body(Map.of("type", "RECEIVE", "sku", sku, "to", location, "quantity", 1))
                .post("/movements")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", containsString("product-archived"));
    }

    @Test
    void deleteIsRefusedWhileStockIsOnHand() {
        String sku = unique("STOCKED");
        String location = unique("LOC");
        createProduct(sku, 0);
        createLocation(location);
        receive(sku, location, 3);

        api().delete("/products/{sku}", sku)
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("onHand", equalTo(3));
        api().get("/products/{sku}", sku).then().body("archived", equalTo(false));

        move(Map.of("type", "ISSUE", "sku", sku, "from", location, "quantity", 3));
        api().delete("/products/{sku}", sku).then().statusCode(204);
        api().get("/products/{sku}", sku).then().statusCode(200)
                .body("archived", equalTo(true))
                .body("onHand", equalTo(0));
    }

    @Test
    void deleteOfUnknownProductIs404() {
        api().delete("/products/{sku}", unique("GHOST")).then().statusCode(404);
    }
}
