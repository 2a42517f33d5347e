package org.stockroom.api;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.stockroom.testing.Ledger;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.unique;

/**
 * Requests a client should never send: too large, not JSON, not UTF-8, not one line. Each is
 * answered with a 4xx problem, never a 500, and writes nothing.
 */
class HostileInputIT {

    private static final int LIMIT = 64 * 1024;  // the server's default STOCKROOM_MAX_BODY_BYTES

    /** A location body of exactly {@code size} bytes: white space after the members is allowed JSON. */
    private static byte[] locationBodyOf(String code, int size) {
        String members = "{\"code\": \"" + code + "\", \"name\": \"Padded\"";
        return (members + " ".repeat(size - members.length() - 1) + "}").getBytes(StandardCharsets.US_ASCII);
    }

    private static long locationsWithCode(String code) {
        return Ledger.queryLong("select count(*) from location where code = ?", code);
    }

    private static void assertProblem(Response response, int status) {
        response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status));
    }

    @Test
    void givenAMatrixParameterAfterASku_whenDeleted_then400AndTheProductIsNotArchived() {
        // Found by HostileRequestFuzzIT (seed -6392288868642411928): ";B" was read as a matrix
        // parameter and dropped, and DELETE /products/A;B archived product A.
        String sku = unique("MATRIX");
        createProduct(sku, 0);

        Response delete = api().urlEncodingEnabled(false).delete("/products/" + sku + ";B");
        Response get = api().urlEncodingEnabled(false).get("/products/" + sku + ";x=1");

        assertProblem(delete, 400);
        delete.then().body("detail", containsString("';'"));
        assertProblem(get, 400);
        api().get("/products/" + sku).then().statusCode(200).body("archived", equalTo(false));
        api().get("/products/" + sku + "%3BB").then().statusCode(404);
    }

    @Test
    void givenABodyOneByteOverTheLimitWithContentLength_whenPosted_then413AndNothingWritten() {
        String code = unique("BIG");

        Response response = api().body(locationBodyOf(code, LIMIT + 1)).post("/locations");

        assertProblem(response, 413);
        response.then().body("type", equalTo("https://stockroom.dev/problems/body-too-large"))
                .body("maxBytes", equalTo(LIMIT));
        assertThat(locationsWithCode(code)).isZero();
    }

    @Test
    void givenABodyOverTheLimitSentChunked_whenPosted_then413AndNothingWritten() {
        String code = unique("CHUNK");
        // A stream of unknown length goes out with Transfer-Encoding: chunked, without Content-Length.
        ByteArrayInputStream body = new ByteArrayInputStream(locationBodyOf(code, LIMIT + 1));

        Response response = api().body(body).post("/locations");

        assertProblem(response, 413);
        assertThat(locationsWithCode(code)).isZero();
    }

    @Test
    void givenABodyOfExactlyTheLimit_whenPosted_thenItIsRead() {
        String code = unique("EDGE");

        api().body(new ByteArrayInputStream(locationBodyOf(code, LIMIT))).post("/locations").then().statusCode(201);
        assertThat(locationsWithCode(code)).isOne();
    }

    @Test
    void givenALargeBodyOnAnEndpointThatReadsNone_whenSent_then413() {
        String sku = unique("KEEP");
        createProduct(sku, 0);

        assertProblem(api().body(locationBodyOf("X", LIMIT * 2)).delete("/products/{sku}", sku), 413);
        api().get("/products/{sku}", sku).then().body("archived", equalTo(false));
    }

    @Test
    void givenBodiesThatAreNotUtf8Json_whenPosted_then415() {
        String code = unique("CT");
        byte[] body = ("{\"code\": \"" + code + "\", \"name\": \"Caf\u00e9\"}").getBytes(StandardCharsets.ISO_8859_1);

        assertProblem(api().contentType("text/plain").body(body).post("/locations"), 415);
        assertProblem(api().contentType("application/xml").body(body).post("/locations"), 415);
        assertProblem(api().contentType("garbage").body(body).post("/locations"), 415);
        assertProblem(api().contentType("application/json; charset=ISO-8859-1").body(body).post("/locations"), 415);
        assertThat(locationsWithCode(code)).isZero();
    }

    @Test
    void givenAnAcceptHeaderThatCannotBeRead_whenSent_then400Problem() {
        String code = unique("ACC");

        for (String accept : List.of("application/json;q=abc", "*/*;q=", ";")) {
            assertProblem(api().header("Accept", accept).body(Map.of("code", code, "name", "n")).post("/locations"), 400);
        }
        assertThat(locationsWithCode(code)).isZero();
    }

    @Test
    void givenWrongMethods_whenSent_then405WithAllow() {
        String sku = unique("M");
        createProduct(sku, 0);

        assertProblem(api().body("{}").patch("/products/{sku}", sku), 405);
        assertProblem(api().delete("/locations"), 405);
        assertProblem(api().body("{}").put("/movements"), 405);
        api().get("/auth/token").then().statusCode(405).header("Allow", containsString("POST"));
    }

    @Test
    void givenBrokenJson_whenPosted_then400() {
        String code = unique("BRK");

        for (String body : List.of("{\"code\": \"" + code + "\", \"name\": ",
                "{\"code\": \"" + code + "\", \"name\": \"n\"} trailing",
                "{\"code\": \"" + code + "\", \"name\": \"n\"}{}",
                "{'code': '" + code + "'}",
                "[1, 2]",
                "{\"code\": " + "[".repeat(5000) + "]".repeat(5000) + "}")) {
            assertProblem(api().body(body).post("/locations"), 400);
        }
        assertThat(locationsWithCode(code)).isZero();
    }

    @Test
    void givenTextSentAsAnotherType_whenPosted_then400NamingTheField() {
        String code = unique("TYPE");

        for (String name : List.of("12", "true", "[\"n\"]", "{\"n\": 1}")) {
            api().body("{\"code\": \"" + code + "\", \"name\": " + name + "}").post("/locations")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("field 'name'"));
        }
        assertThat(locationsWithCode(code)).isZero();
    }

    @Test
    void givenBytesThatAreNotUtf8_whenPosted_then400() {
        String code = unique("UTF");
        byte[] body = ("{\"code\": \"" + code + "\", \"name\": \"Caf\u00e9\"}").getBytes(StandardCharsets.ISO_8859_1);

        assertProblem(api().body(body).post("/locations"), 400);
        assertThat(locationsWithCode(code)).isZero();
    }

    @Test
    void givenAFieldTwice_whenPosted_then400NamingIt() {
        String code = unique("TWICE");

        api().body("{\"code\": \"" + code + "\", \"name\": \"first\", \"name\": \"second\"}").post("/locations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'/name' more than once"));
        assertThat(locationsWithCode(code)).isZero();
    }

    @Test
    void givenControlCharactersInOneLineFields_whenPosted_then422NamingEachField() {
        String sku = unique("CTL");

        Response response = api().body(Map.of("sku", sku, "name", "Bolt\u001b[31m", "category", "Fix\u0007",
                "unitOfMeasure", "E\u0085A", "description", "two\nlines\tand a tab")).post("/products");

        assertProblem(response, 422);
        response.then().body("errors.pointer", equalTo(List.of("/category", "/name", "/unitOfMeasure")))
                .body("errors.message", hasItem("must not contain control characters"));
        assertThat(Ledger.queryLong("select count(*) from product where sku = ?", sku)).isZero();
    }

    @Test
    void givenControlCharactersInAMovement_whenPosted_then422NamingEachField() {
        String sku = unique("MCTL");
        String location = unique("MLOC");
        createProduct(sku, 0);
        createLocation(location);

        Response response = api().body(Map.of("type", "RECEIVE", "sku", sku, "to", location, "quantity", 5,
                "reason", "line\nbreak", "reference", "PO\r1")).post("/movements");

        assertProblem(response, 422);
        response.then().body("errors.pointer", equalTo(List.of("/reason", "/reference")));
        assertThat(Ledger.movementCount(sku)).isZero();
    }

    @Test
    void givenALineBreakInADescription_whenPosted_thenAccepted() {
        api().body(Map.of("sku", unique("DESC"), "name", "Bolt", "description", "two\r\nlines\tand a tab"))
                .post("/products").then().statusCode(201);
    }

    @Test
    void givenTextPostgresCannotStore_whenPosted_then422NotA500() {
        String sku = unique("NUL");

        assertProblem(api().body("{\"sku\": \"" + sku + "\", \"name\": \"n\", \"description\": \"a\\u0000b\"}")
                .post("/products"), 422);
        assertProblem(api().body("{\"sku\": \"" + sku + "\", \"name\": \"half \\ud800 a pair\"}")
                .post("/products"), 422);
        api().body("{\"username\": \"ad\\u0000min\", \"password\": \"whatever-it-is\"}").post("/auth/token")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/username"));
        assertThat(Ledger.queryLong("select count(*) from product where sku = ?", sku)).isZero();
    }

    @Test
    void givenControlCharactersInThePathOrQuery_whenSent_thenAProblemNotA500() {
        assertProblem(api().urlEncodingEnabled(false).delete("/products/BOLT%00X"), 400);
        assertProblem(api().urlEncodingEnabled(false).header("If-Match", "*").body("{\"name\": \"n\"}")
                .put("/products/BOLT%00X"), 400);
        api().urlEncodingEnabled(false).get("/products?q=bolt%00").then()
                .statusCode(422).contentType("application/problem+json").body("errors[0].pointer", equalTo("q"));
    }

    @Test
    void givenNumbersOutOfBounds_whenPosted_then422or400() {
        String sku = unique("NUM");
        String location = unique("NLOC");
        createProduct(sku, 0);
        createLocation(location);

        for (Object quantity : List.of(0, -1, 1_000_000_001)) {
            assertProblem(api().body(Map.of("type", "RECEIVE", "sku", sku, "to", location, "quantity", quantity))
                    .post("/movements"), 422);
        }
        for (String quantity : List.of("1e400", "99999999999999999999", "1.5", "\"5\"", "true")) {
            assertProblem(api().body("{\"type\": \"RECEIVE\", \"sku\": \"" + sku + "\", \"to\": \"" + location
                    + "\", \"quantity\": " + quantity + "}").post("/movements"), 400);
        }
        assertProblem(api().body(Map.of("sku", unique("RP"), "name", "n", "reorderPoint", -1)).post("/products"), 422);
        assertThat(Ledger.movementCount(sku)).isZero();
    }
}
