package org.stockroom.auth;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.HttpMethod;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.stockroom.auth.login.AuthResource;
import org.stockroom.security.Role;
import org.stockroom.testing.StockroomTestServer;

import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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

    private static final String THROWAWAY_PASSWORD = "matrix password 123";

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
                new Endpoint("GET /units", Role.VIEWER, 200, () -> call -> call.get("/units")),
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
                new Endpoint("GET /purchase-orders", Role.VIEWER, 200, () -> call -> call.get("/purchase-orders")),
                new Endpoint("GET /purchase-orders/{number}", Role.VIEWER, 200, () -> {
                    String number = newPurchaseOrder();
                    return call -> call.get("/purchase-orders/{number}", number);
                }),
                new Endpoint("POST /purchase-orders", Role.MANAGER, 201, () -> {
                    String sku = newProduct();
                    return call -> call.body(Map.of("number", unique("PO"), "supplier", "Matrix supplier",
                            "lines", List.of(Map.of("sku", sku, "quantity", 5)))).post("/purchase-orders");
                }),
                new Endpoint("POST /purchase-orders/{number}/receipts", Role.CLERK, 201, () -> {
                    String number = newPurchaseOrder();
                    String sku = api().get("/purchase-orders/{number}", number).path("lines[0].sku");
                    String code = newLocation();
                    return call -> call.body(Map.of("location", code, "lines", List.of(Map.of("sku", sku, "quantity", 2))))
                            .post("/purchase-orders/{number}/receipts", number);
                }),
                new Endpoint("GET /purchase-orders/{number}/receipts/{id}", Role.VIEWER, 200, () -> {
                    String number = newPurchaseOrder();
                    String sku = api().get("/purchase-orders/{number}", number).path("lines[0].sku");
                    int id = api().body(Map.of("location", newLocation(), "lines", List.of(Map.of("sku", sku, "quantity", 1))))
                            .post("/purchase-orders/{number}/receipts", number).then().statusCode(201).extract().path("id");
                    return call -> call.get("/purchase-orders/{number}/receipts/{id}", number, id);
                }),
                new Endpoint("POST /purchase-orders/{number}/cancel", Role.MANAGER, 200, () -> {
                    String number = newPurchaseOrder();
                    return call -> call.header("If-Match", "*").post("/purchase-orders/{number}/cancel", number);
                }),
                new Endpoint("GET /stock/lots", Role.VIEWER, 200, () -> call -> call.get("/stock/lots")),
                new Endpoint("GET /lots/expiring", Role.VIEWER, 200, () -> call -> call.get("/lots/expiring")),
                // A stream: never a whole body for REST Assured to read; checked with java.net.http (checkStream).
                new Endpoint("GET /events", Role.VIEWER, 200, () -> null),
                new Endpoint("GET /stocktakes", Role.VIEWER, 200, () -> call -> call.get("/stocktakes")),
                new Endpoint("GET /stocktakes/{id}", Role.VIEWER, 200, () -> {
                    long id = newStocktake(newLocation());
                    return call -> call.get("/stocktakes/{id}", id);
                }),
                // Each call opens a count of a new location: one location has one open stocktake.
                new Endpoint("POST /stocktakes", Role.CLERK, 201, () -> {
                    String code = newLocation();
                    return call -> call.body(Map.of("location", code)).post("/stocktakes");
                }),
                new Endpoint("PUT /stocktakes/{id}/lines/{sku}", Role.CLERK, 200, () -> {
                    String sku = newProduct();
                    long id = newStocktake(newLocation());
                    return call -> call.body(Map.of("counted", 2)).put("/stocktakes/{id}/lines/{sku}", id, sku);
                }),
                new Endpoint("POST /stocktakes/{id}/post", Role.MANAGER, 200, () -> {
                    String sku = newProduct();
                    String code = newLocation();
                    receive(sku, code, 5);
                    long id = newStocktake(code);
                    api().body(Map.of("counted", 4)).put("/stocktakes/{id}/lines/{sku}", id, sku).then().statusCode(200);
                    String etag = api().get("/stocktakes/{id}", id).header("ETag");
                    return call -> call.header("If-Match", etag).post("/stocktakes/{id}/post", id);
                }),
                new Endpoint("POST /stocktakes/{id}/cancel", Role.CLERK, 200, () -> {
                    long id = newStocktake(newLocation());
                    return call -> call.post("/stocktakes/{id}/cancel", id);
                }),
                new Endpoint("GET /reservations", Role.VIEWER, 200, () -> call -> call.get("/reservations")),
                new Endpoint("GET /reservations/{id}", Role.VIEWER, 200, () -> {
                    long id = newReservation();
                    return call -> call.get("/reservations/{id}", id);
                }),
                new Endpoint("POST /reservations", Role.CLERK, 201, () -> {
                    String sku = newProduct();
                    String location = newLocation();
                    receive(sku, location, 10);
                    return call -> call.body(Map.of("sku", sku, "location", location, "quantity", 1,
                            "reference", "SO-MATRIX")).post("/reservations");
                }),
                new Endpoint("POST /reservations/{id}/release", Role.CLERK, 200, () -> {
                    long id = newReservation();
                    return call -> call.header("If-Match", "*").post("/reservations/{id}/release", id);
                }),
                new Endpoint("POST /imports/products", Role.MANAGER, 200, () -> call -> call
                        .contentType("text/csv; charset=UTF-8").body("sku,name\n" + unique("MATRIX") + ",Imported\n")
                        .post("/imports/products")),
                new Endpoint("POST /imports/locations", Role.MANAGER, 200, () -> call -> call
                        .contentType("text/csv; charset=UTF-8").body("code,name\n" + unique("MX") + ",Imported\n")
                        .post("/imports/locations")),
                // Each call brings the opening stock of a new product to a new location.
                new Endpoint("POST /imports/opening-stock", Role.MANAGER, 200, () -> {
                    String sku = newProduct();
                    String code = newLocation();
                    return call -> call.contentType("text/csv; charset=UTF-8")
                            .body("sku,location,quantity\n" + sku + "," + code + ",4\n").post("/imports/opening-stock");
                }),
                new Endpoint("GET /exports/products", Role.VIEWER, 200, () -> call -> call.accept("text/csv")
                        .get("/exports/products")),
                new Endpoint("GET /exports/locations", Role.VIEWER, 200, () -> call -> call.accept("text/csv")
                        .get("/exports/locations")),
                new Endpoint("GET /exports/stock", Role.VIEWER, 200, () -> call -> call.accept("text/csv")
                        .get("/exports/stock")),
                new Endpoint("GET /exports/movements", Role.VIEWER, 200, () -> call -> call.accept("text/csv")
                        .get("/exports/movements?since=2026-01-01")),
                new Endpoint("GET /audit", Role.MANAGER, 200, () -> call -> call.get("/audit")),
                new Endpoint("GET /users", Role.ADMIN, 200, () -> call -> call.get("/users")),
                new Endpoint("GET /users/{username}", Role.ADMIN, 200, () -> {
                    String username = newUser(Role.VIEWER);
                    return call -> call.get("/users/{username}", username);
                }),
                new Endpoint("POST /users", Role.ADMIN, 201, () -> call -> call
                        .body(Map.of("username", unique("matrix"), "password", THROWAWAY_PASSWORD, "role", "viewer"))
                        .post("/users")),
                new Endpoint("PATCH /users/{username}", Role.ADMIN, 200, () -> {
                    String username = newUser(Role.VIEWER);
                    return call -> call.body(Map.of("role", "clerk")).patch("/users/{username}", username);
                }),
                new Endpoint("POST /users/{username}/password", Role.ADMIN, 204, () -> {
                    String username = newUser(Role.VIEWER);
                    return call -> call.body(Map.of("password", "a reset password 77"))
                            .post("/users/{username}/password", username);
                }),
                // A password change revokes the caller's tokens: each caller is a throw-away user of its role.
                new Endpoint("POST /auth/password", Role.VIEWER, 204, () -> call -> call
                        .body(Map.of("currentPassword", THROWAWAY_PASSWORD, "newPassword", "a changed password 88"))
                        .post("/auth/password")),
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

    /** Every resource method of the application is in the matrix, so a new endpoint cannot be missed. */
    @Test
    void theMatrixCoversEveryEndpoint() throws Exception {
        Set<String> inMatrix = new TreeSet<>();
        endpoints().forEach(endpoint -> inMatrix.add(withoutParameterNames(endpoint.name())));
        inMatrix.add("POST /auth/token");

        assertThat(inMatrix).isEqualTo(resourceMethods());
    }

    /** "GET /products/{sku}" and "GET /movements/{id: [0-9]+}" become "GET /products/{}" and "GET /movements/{}". */
    private static String withoutParameterNames(String endpoint) {
        return endpoint.replaceAll("\\{[^}]*}", "{}");
    }

    /** Every JAX-RS resource method in the application's classes, as "VERB /path". */
    private static Set<String> resourceMethods() throws Exception {
        Path classes = Path.of(AuthResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, AuthorizationMatrixIT.class.getClassLoader());
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    for (Annotation annotation : method.getAnnotations()) {
                        HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
                        if (verb != null) {
                            jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                            String path = ("/" + root.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                            found.add(withoutParameterNames(verb.value() + " " + path));
                        }
                    }
                }
            }
        }
        assertThat(found).as("resource methods found under " + classes).isNotEmpty();
        return found;
    }

    @TestFactory
    Stream<DynamicTest> tokenIssueIsOpenToEveryone() {
        return CALLERS.stream().map(caller -> DynamicTest.dynamicTest(
                "POST /auth/token as " + (caller == null ? "nobody" : caller.value()) + " -> 200",
                () -> request(caller)
                        .body(Map.of("username", StockroomTestServer.testUser(Role.VIEWER),
                                "password", StockroomTestServer.TEST_USER_PASSWORD))
                        .post("/auth/token")
                        .then().statusCode(200)));
    }

    private static void check(Endpoint endpoint, Role caller) throws Exception {
        if (endpoint.name().equals("GET /events")) {
            checkStream(caller, expected(endpoint, caller));
            return;
        }
        Function<RequestSpecification, Response> call = endpoint.setUp().get();
        RequestSpecification request = switch (endpoint.name()) {
            case "POST /auth/logout" -> caller == null ? anonymous()
                    : withFreshToken(StockroomTestServer.testUser(caller), StockroomTestServer.TEST_USER_PASSWORD);
            case "POST /auth/password" -> caller == null ? anonymous()
                    : withFreshToken(newUser(caller), THROWAWAY_PASSWORD);
            default -> request(caller);
        };
        int expected = expected(endpoint, caller);
        Map<String, String> before = fingerprint();

        Response answer = call.apply(request);

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

    /** The event stream: its status and, refused, its problem; an allowed caller's stream is closed at once. */
    private static void checkStream(Role caller, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(StockroomTestServer.baseUri().resolve("/api/v1/events"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10));
        if (caller != null) {
            request.header("Authorization", "Bearer " + StockroomTestServer.tokenOf(caller));
        }
        Map<String, String> before = fingerprint();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<Stream<String>> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> body = answer.body()) {
                assertThat(answer.statusCode()).isEqualTo(expected);
                if (expected == 401) {
                    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                    assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                            challenge -> assertThat(challenge).startsWith("Bearer realm=\"stockroom\""));
                    assertThat(body.collect(Collectors.joining())).contains("https://stockroom.dev/problems/unauthorized");
                    assertThat(fingerprint()).as("the database after a refused GET /events").isEqualTo(before);
                }
            }
        }
    }

    private static int expected(Endpoint endpoint, Role caller) {
        if (caller == null) {
            return 401;
        }
        return caller.includes(endpoint.least()) ? endpoint.success() : 403;
    }

    /** A request as the caller's test user, on the token the tests share; anonymous for no caller. */
    private static RequestSpecification request(Role caller) {
        return caller == null ? anonymous() : as(caller);
    }

    /** Logs in as that user, for a token of its own. */
    private static RequestSpecification withFreshToken(String username, String password) {
        String token = anonymous().body(Map.of("username", username, "password", password))
                .post("/auth/token").then().statusCode(200).extract().path("token");
        return anonymous().header("Authorization", "Bearer " + token);
    }

    /** A new user with that role and {@link #THROWAWAY_PASSWORD}, created by the admin. */
    private static String newUser(Role role) {
        String username = unique("matrix");
        api().body(Map.of("username", username, "password", THROWAWAY_PASSWORD, "role", role.value()))
                .post("/users").then().statusCode(201);
        return username;
    }

    private static String newProduct() {
        String sku = unique("MATRIX");
        createProduct(sku, 0);
        return sku;
    }

    /** An OPEN purchase order of 10 of a new product. */
    private static String newPurchaseOrder() {
        String number = unique("PO");
        api().body(Map.of("number", number, "supplier", "Matrix supplier",
                        "lines", List.of(Map.of("sku", newProduct(), "quantity", 10))))
                .post("/purchase-orders").then().statusCode(201);
        return number;
    }

    private static String newLocation() {
        String code = unique("MX");
        createLocation(code);
        return code;
    }

    /** An OPEN reservation of 1 of a new product received into a new location, made by the admin. */
    private static long newReservation() {
        String sku = newProduct();
        String location = newLocation();
        receive(sku, location, 10);
        return ((Number) api().body(Map.of("sku", sku, "location", location, "quantity", 1, "reference", "SO-MATRIX"))
                .post("/reservations").then().statusCode(201).extract().path("id")).longValue();
    }

    /** An open stocktake of the whole location, opened by the admin. */
    private static long newStocktake(String location) {
        return ((Number) api().body(Map.of("location", location)).post("/stocktakes")
                .then().statusCode(201).extract().path("id")).longValue();
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
