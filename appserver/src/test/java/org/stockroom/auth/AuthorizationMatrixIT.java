package org.stockroom.auth;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stockroom.testing.StockroomTestServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.stockroom.testing.Api.anonymous;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.as;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.receive;
import static org.stockroom.testing.Api.unique;

/**
 * Every endpoint of the API, as every role and as nobody: the exact status, and on a refusal
 * a database left exactly as it was. A new endpoint gets one line in {@link #endpoints()}.
 */
class AuthorizationMatrixIT {

    /** Who sends the request: a test user of a role, or nobody ({@code null}). */
    private static final List<Role> CALLERS = new ArrayList<>();

    static {
        CALLERS.add(null);
        CALLERS.addAll(List.of(Role.values()));
    }

    /**
     * One endpoint: the least role that may call it, the status of a success, and how to set
     * up one call of it (the setup runs as the admin, before the database is fingerprinted).
     */
    private record Endpoint(String name, Role least, int success, Supplier<Function<RequestSpecification, Response>> setUp) {
    }

    private static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET /products", Role.VIEWER, 200, () -> call -> call.get("/products")),
                new Endpoint("GET /products/{sku}", Role.VIEWER, 200, () -> {
                    String sku = newProduct();
                    return call -> call.get("/products/{sku}", sku);
                }),
                new Endpoint("POST /products", Role.MANAGER, 201, () -> call -> call
                        .body(Map.of("sku", unique("MATRIX"), "name", "Matrix product")).post("/products")),
                new Endpoint("PUT /products/{sku}", Role.MANAGER, 200, () -> {
                    String sku = newProduct();
                    String etag = api().get("/products/{sku}", sku).header("ETag");
                    return call -> call.header("If-Match", etag)
                            .body(Map.of("name", "Renamed product")).put("/products/{sku}", sku);
                }),
                new Endpoint("DELETE /products/{sku}", Role.MANAGER, 204, () -> {
                    String sku = newProduct();
                    return call -> call.delete("/products/{sku}", sku);
                }),
                new Endpoint("GET /locations", Role.VIEWER, 200, () -> call -> call.get("/locations")),
                new Endpoint("GET /locations/{code}", Role.VIEWER, 200, () -> {
                    String code = newLocation();
                    return call -> call.get("/locations/{code}", code);
                }),
                new Endpoint("POST /locations", Role.MANAGER, 201, () -> call -> call
                        .body(Map.of("code", unique("MX"), "name", "Matrix location")).post("/locations")),
                new Endpoint("GET /stock", Role.VIEWER, 200, () -> call -> call.get("/stock")),
                new Endpoint("GET /movements", Role.VIEWER, 200, () -> call -> call.get("/movements")),
                new Endpoint("GET /movements/{id}", Role.VIEWER, 200, () -> {
                    String sku = newProduct();
                    String code = newLocation();
                    int id = api().body(Map.of("type", "RECEIVE", "sku", sku, "to", code, "quantity", 3))
                            .post("/movements").then().statusCode(201).extract().path("id");
                    return call -> call.get("/movements/{id}", id);
                }),
                new Endpoint("POST /movements", Role.CLERK, 201, () -> {
                    String sku = newProduct();
                    String code = newLocation();
                    receive(sku, code, 5);
                    return call -> call.body(Map.of("type", "ISSUE", "sku", sku, "from", code, "quantity", 2))
                            .post("/movements");
                }),
                new Endpoint("GET /audit", Role.MANAGER, 200, () -> call -> call.get("/audit")),
                new Endpoint("GET /auth/me", Role.VIEWER, 200, () -> call -> call.get("/auth/me")),
                // Log-out revokes the token it is sent with: each allowed caller logs out a fresh one of its own.
                new Endpoint("POST /auth/logout", Role.VIEWER, 204, () -> call -> call.post("/auth/logout")));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAsEveryRoleAndAsNobody() {
        return endpoints().stream().flatMap(endpoint -> CALLERS.stream().map(caller -> DynamicTest.dynamicTest(
                endpoint.name() + " as " + (caller == null ? "nobody" : caller.value()) + " -> " + expected(endpoint, caller),
                () -> check(endpoint, caller))));
    }

    @TestFactory
    Stream<DynamicTest> tokenIssueIsOpenToEveryone() {
        return CALLERS.stream().map(caller -> DynamicTest.dynamicTest(
                "POST /auth/token as " + (caller == null ? "nobody" : caller.value()) + " -> 200",
                () -> request(caller, false)
                        .body(Map.of("username", StockroomTestServer.testUser(Role.VIEWER),
                                "password", StockroomTestServer.TEST_USER_PASSWORD))
                        .post("/auth/token")
                        .then().statusCode(200)));
    }

    private static void check(Endpoint endpoint, Role caller) throws SQLException {
        Function<RequestSpecification, Response> call = endpoint.setUp().get();
        int expected = expected(endpoint, caller);
        Map<String, String> before = fingerprint();

        Response answer = call.apply(request(caller, endpoint.name().equals("POST /auth/logout")));

        answer.then().statusCode(expected);
        if (expected == 401 || expected == 403) {
            answer.then()
                    .contentType("application/problem+json")
                    .body("status", equalTo(expected))
                    .body("type", equalTo("https://stockroom.dev/problems/" + (expected == 401 ? "unauthorized" : "forbidden")));
            if (expected == 401) {
                answer.then().header("WWW-Authenticate", startsWith("Bearer realm=\"stockroom\""));
            }
            assertThat(fingerprint()).as("the database after a refused " + endpoint.name()).isEqualTo(before);
        }
    }

    private static int expected(Endpoint endpoint, Role caller) {
        if (caller == null) {
            return 401;
        }
        return caller.includes(endpoint.least()) ? endpoint.success() : 403;
    }

    /** A request as the caller; with {@code freshToken}, on a token of its own rather than the shared one. */
    private static RequestSpecification request(Role caller, boolean freshToken) {
        if (caller == null) {
            return anonymous();
        }
        if (!freshToken) {
            return as(caller);
        }
        String token = anonymous()
                .body(Map.of("username", StockroomTestServer.testUser(caller), "password", StockroomTestServer.TEST_USER_PASSWORD))
                .post("/auth/token").then().statusCode(200).extract().path("token");
        return anonymous().header("Authorization", "Bearer " + token);
    }

    private static String newProduct() {
        String sku = unique("MATRIX");
        createProduct(sku, 0);
        return sku;
    }

    private static String newLocation() {
        String code = unique("MX");
        createLocation(code);
        return code;
    }

    /** A digest of every row of every table of the schema, so that any write shows. */
    private static Map<String, String> fingerprint() throws SQLException {
        Map<String, String> digests = new LinkedHashMap<>();
        try (Connection connection = StockroomTestServer.database().connect();
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("""
                    select table_name from information_schema.tables
                     where table_schema = 'public' and table_type = 'BASE TABLE'
                     order by table_name""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).contains("product", "location", "stock_level", "stock_movement", "app_user", "auth_token");
            for (String table : tables) {
                try (ResultSet digest = statement.executeQuery(
                        "select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') from \""
                                + table + "\" t")) {
                    digest.next();
                    digests.put(table, digest.getString(1));
                }
            }
        }
        return digests;
    }
}
