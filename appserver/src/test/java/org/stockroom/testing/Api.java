package org.stockroom.testing;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HeaderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.stockroom.security.Role;

import java.security.SecureRandom;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Requests to the running test server's API, and the unique names tests need. */
public final class Api {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Api() {
    }

    private static final String AUTHORIZATION = "Authorization";

    /**
     * A request to {@code /api/v1} that sends JSON, as the test admin: for tests about what the
     * API does rather than who may do it. A test's own {@code Authorization} header replaces
     * the admin's.
     */
    public static RequestSpecification api() {
        return as(Role.ADMIN);
    }

    /** A request to {@code /api/v1} that sends JSON, as the test user with that role. */
    public static RequestSpecification as(Role role) {
        return anonymous().header(AUTHORIZATION, "Bearer " + tokenOf(role));
    }

    /** A request to {@code /api/v1} that sends JSON and no credentials. */
    public static RequestSpecification anonymous() {
        return given(new RequestSpecBuilder()
                .setBaseUri(StockroomTestServer.baseUri().toString())
                .setBasePath("/api/v1")
                .setContentType(ContentType.JSON)
                .setConfig(RestAssuredConfig.config()
                        .headerConfig(HeaderConfig.headerConfig()
                                .overwriteHeadersWithName(AUTHORIZATION, "Content-Type", "Accept")))
                .build());
    }

    /** A bearer token of the test user with that role, logged in once per test JVM. */
    public static String tokenOf(Role role) {
        return StockroomTestServer.tokenOf(role);
    }

    /** A SKU or location code no other test uses, e.g. {@code BOLT-k3x9q2}. */
    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36).substring(0, 8);
    }

    public static void createProduct(String sku, int reorderPoint) {
        api().body(Map.of("sku", sku, "name", "Test product " + sku, "reorderPoint", reorderPoint))
                .post("/products").then().statusCode(201);
    }

    public static void createLocation(String code) {
        api().body(Map.of("code", code, "name", "Test location " + code))
                .post("/locations").then().statusCode(201);
    }

    /** Posts a movement and checks that it was recorded. */
    public static void move(Map<String, Object> movement) {
        api().body(movement).post("/movements").then().statusCode(201);
    }

    public static void receive(String sku, String location, int quantity) {
        move(Map.of("type", "RECEIVE", "sku", sku, "to", location, "quantity", quantity));
    }
}
