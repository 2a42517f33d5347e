package org.stockroom.api;

import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stockroom.security.Roles;
import org.stockroom.testing.StockroomTestServer;

import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The OpenAPI document at /openapi: open to everyone, in YAML and in JSON, and complete. The
 * resource methods are found by reflection on the application's classes, not read from the
 * document, so an endpoint added without its documentation fails here: each must be in the
 * document with a summary, the role it needs, its success answer and the error answers that its
 * signature and annotations say it can give, each a problem document.
 */
class OpenApiIT {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*(?::[^}]*)?}");

    private static Map<String, Object> document;
    private static List<Endpoint> endpoints;

    @BeforeAll
    static void fetchTheDocumentAndFindTheEndpoints() throws Exception {
        document = openApi().accept("application/json").get("/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        endpoints = resourceMethods();
    }

    @Test
    void isServedWithoutAToken() {
        openApi().get("/openapi").then().statusCode(200);
        // Not even a dead token is looked at: the document is not part of the REST application.
        openApi().header(HttpHeaders.AUTHORIZATION, "Bearer no-such-token").get("/openapi")
                .then().statusCode(200);
    }

    @Test
    void answersInYamlByDefaultAndInJsonWhenAsked() {
        String yaml = openApi().get("/openapi").then().statusCode(200).extract().asString();
        assertThat(yaml).containsPattern("(?m)^openapi: 3\\.0\\.\\d+$").doesNotStartWith("{");
        openApi().accept("application/json").get("/openapi").then().statusCode(200)
                .contentType(containsString("json")).body("openapi", startsWith("3.0"));
        openApi().queryParam("format", "JSON").get("/openapi").then().statusCode(200)
                .body("info.title", equalTo("Stockroom"));
    }

    @Test
    void theImportsTakeCsvAndTheExportsAnswerWithIt() {
        for (String kind : List.of("products", "locations", "opening-stock")) {
            Map<String, Object> post = map(map(map(document.get("paths")).get("/api/v1/imports/" + kind)).get("post"));
            assertThat(map(map(post.get("requestBody")).get("content"))).as(kind).containsOnlyKeys("text/csv");
            assertThat(map(map(map(post.get("responses")).get("200")).get("content"))).as(kind)
                    .containsKey("application/json");
            assertThat(map(post.get("responses"))).as(kind).containsKeys("413", "415", "422", "409");
        }
        for (String kind : List.of("products", "locations", "stock", "movements")) {
            Map<String, Object> get = map(map(map(document.get("paths")).get("/api/v1/exports/" + kind)).get("get"));
            assertThat(map(map(map(get.get("responses")).get("200")).get("content"))).as(kind).containsOnlyKeys("text/csv");
        }
    }

    @Test
    void documentsEveryResourceMethod() {
        List<String> missing = endpoints.stream().filter(endpoint -> operation(endpoint) == null)
                .map(Endpoint::toString).toList();

        assertThat(endpoints).as("resource methods found by reflection").hasSizeGreaterThan(10);
        assertThat(missing).as("resource methods missing from /openapi").isEmpty();
    }

    @Test
    void eachOperationHasASummaryAndNamesTheRoleItNeeds() {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : documented()) {
            Map<String, Object> operation = operation(endpoint);
            if (operation.get("summary") == null) {
                problems.add(endpoint + ": no summary (@Operation)");
            }
            String description = String.valueOf(operation.get("description"));
            if (endpoint.isOpen()) {
                if (!List.of().equals(operation.get("security"))) {
                    problems.add(endpoint + ": @PermitAll, but its security is not [] (@SecurityRequirements)");
                }
                if (!description.contains("No token needed.")) {
                    problems.add(endpoint + ": the description does not say 'No token needed.'");
                }
            } else {
                if (operation.containsKey("security")) {
                    problems.add(endpoint + ": needs a token, but does not inherit the document's bearer security");
                }
                String role = "Role: " + String.join(" or ", endpoint.roles()) + ".";
                if (!description.contains(role)) {
                    problems.add(endpoint + ": the description does not say '" + role + "'");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * What the code says an endpoint can answer: every one 400 (an unreadable request), 429 (the
     * rate limits) and 503 (the database); one that needs a token 401, and 403 above viewer; one
     * with a path parameter 404; one with a body 413, 415, 422; one with query parameters 422; one
     * with If-Match 412 and 428; one with an Idempotency-Key 409 (in flight) and 422 (reused).
     */
    @Test
    void eachOperationListsTheAnswersItsCodeCanGive() {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : documented()) {
            Map<String, Object> responses = map(operation(endpoint).get("responses"));
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                problems.add(endpoint + ": no success answer");
            }
            Set<String> missing = new TreeSet<>(endpoint.errorStatuses());
            missing.removeAll(responses.keySet());
            if (!missing.isEmpty()) {
                problems.add(endpoint + ": no answer " + missing);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void successAnswersDescribeTheirBodyAndHeaders() {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : documented()) {
            map(operation(endpoint).get("responses")).forEach((code, value) -> {
                if (!code.startsWith("2")) {
                    return;
                }
                Map<String, Object> response = resolve(value);
                if (!code.equals("204") && schemaOf(response, endpoint.produces()) == null) {
                    problems.add(endpoint + " " + code + ": no " + endpoint.produces() + " body schema");
                }
                if (code.equals("201") && !map(response.get("headers")).containsKey(HttpHeaders.LOCATION)) {
                    problems.add(endpoint + " 201: no Location header");
                }
            });
            if (endpoint.hasBody()) {
                Map<String, Object> requestBody = map(operation(endpoint).get("requestBody"));
                if (schemaOf(requestBody, endpoint.consumes()) == null) {
                    problems.add(endpoint + ": no " + endpoint.consumes() + " request body schema");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyErrorAnswerIsAProblemDocument() {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : documented()) {
            map(operation(endpoint).get("responses")).forEach((code, value) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    Map<String, Object> schema = schemaOf(resolve(value), "application/problem+json");
                    if (schema == null || !PROBLEM_SCHEMA.equals(schema.get("$ref"))) {
                        problems.add(endpoint + " " + code + ": not application/problem+json with " + PROBLEM_SCHEMA);
                    }
                }
            });
        }
        assertThat(problems).isEmpty();
        assertThat(map(map(resolve(PROBLEM_SCHEMA)).get("properties")))
                .containsKeys("type", "title", "status", "detail", "instance", "errors");
    }

    /** The parameters the code reads are documented, by name and place (after resolving references). */
    @Test
    void documentsEveryParameterTheCodeReads() {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : documented()) {
            Set<String> documented = new TreeSet<>();
            for (Object parameter : list(operation(endpoint).get("parameters"))) {
                Map<String, Object> resolved = resolve(parameter);
                documented.add(resolved.get("in") + " " + resolved.get("name"));
            }
            Set<String> missing = new TreeSet<>(endpoint.parameters());
            missing.removeAll(documented);
            if (!missing.isEmpty()) {
                problems.add(endpoint + ": parameters not documented " + missing);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyReferenceResolves() {
        Set<String> references = new TreeSet<>();
        collectReferences(document, references);

        assertThat(references).contains(PROBLEM_SCHEMA);
        assertThat(references).allSatisfy(reference -> assertThat(resolveOrNull(reference))
                .as("the target of " + reference).isNotNull());
    }

    /** A property named in a class's {@code @SchemaProperty} that the class does not have would have no type. */
    @Test
    void everySchemaPropertyHasAType() {
        List<String> untyped = new ArrayList<>();
        map(map(document.get("components")).get("schemas")).forEach((name, schema) ->
                map(map(schema).get("properties")).forEach((property, value) -> {
                    Map<String, Object> definition = map(value);
                    if (Stream.of("type", "$ref", "allOf", "anyOf", "oneOf").noneMatch(definition::containsKey)) {
                        untyped.add(name + "." + property);
                    }
                }));
        assertThat(untyped).isEmpty();
    }

    @Test
    void documentsTheHealthEndpoints() {
        for (String path : List.of("/health", "/health/live", "/health/ready", "/health/started")) {
            Map<String, Object> get = map(map(map(document.get("paths")).get(path)).get("get"));
            assertThat(get).as(path).containsEntry("security", List.of());
            assertThat(map(get.get("responses"))).as(path).containsKeys("200", "503");
        }
    }

    // --- the resource methods, from the classes ---

    /**
     * One JAX-RS resource method.
     *
     * @param path the path template as OpenAPI writes it: the application path, the class's and the
     *             method's, with path parameters as {@code {name}} (no regular expressions)
     */
    private record Endpoint(String verb, String path, Method method) {

        @Override
        public String toString() {
            return verb + " " + path + " (" + method.getDeclaringClass().getSimpleName() + "." + method.getName() + ")";
        }

        boolean isOpen() {
            return ruleOf(PermitAll.class) != null;
        }

        /** The roles of the method's {@code @RolesAllowed}, else its class's. */
        List<String> roles() {
            RolesAllowed allowed = ruleOf(RolesAllowed.class);
            return allowed == null ? List.of() : List.of(allowed.value());
        }

        /** The method's annotation if it has either rule, else the class's (as AuthorizationFilter decides). */
        private <A extends Annotation> A ruleOf(Class<A> rule) {
            boolean methodHasRule = method.isAnnotationPresent(PermitAll.class)
                    || method.isAnnotationPresent(RolesAllowed.class);
            return methodHasRule ? method.getAnnotation(rule) : method.getDeclaringClass().getAnnotation(rule);
        }

        /** The media type of its answers: its {@code @Produces}, else its class's, else JSON. */
        String produces() {
            Produces produces = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                    : method.getDeclaringClass().getAnnotation(Produces.class);
            return produces == null ? "application/json" : produces.value()[0];
        }

        /** The media type of its body: its {@code @Consumes}, else its class's, else JSON. */
        String consumes() {
            Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                    : method.getDeclaringClass().getAnnotation(Consumes.class);
            return consumes == null ? "application/json" : consumes.value()[0];
        }

        /** The body: a parameter with no JAX-RS annotation. */
        boolean hasBody() {
            return Arrays.stream(method.getParameters()).anyMatch(parameter -> Stream.of(PathParam.class,
                            QueryParam.class, HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class,
                            BeanParam.class, Context.class)
                    .noneMatch(parameter::isAnnotationPresent));
        }

        /** "query limit", "header If-Match", "path sku"... */
        Set<String> parameters() {
            Set<String> parameters = new TreeSet<>();
            for (Parameter parameter : method.getParameters()) {
                if (parameter.isAnnotationPresent(PathParam.class)) {
                    parameters.add("path " + parameter.getAnnotation(PathParam.class).value());
                } else if (parameter.isAnnotationPresent(QueryParam.class)) {
                    parameters.add("query " + parameter.getAnnotation(QueryParam.class).value());
                } else if (parameter.isAnnotationPresent(HeaderParam.class)
                        && !parameter.getAnnotation(HeaderParam.class).value().equals(HttpHeaders.AUTHORIZATION)) {
                    parameters.add("header " + parameter.getAnnotation(HeaderParam.class).value());
                }
            }
            return parameters;
        }

        Set<String> errorStatuses() {
            Set<String> statuses = new TreeSet<>(List.of("400", "429", "503"));
            if (!isOpen()) {
                statuses.add("401");
                if (!roles().contains(Roles.VIEWER)) {
                    statuses.add("403");
                }
            }
            Set<String> parameters = parameters();
            if (parameters.stream().anyMatch(parameter -> parameter.startsWith("path "))) {
                statuses.add("404");
            }
            if (hasBody()) {
                statuses.addAll(List.of("413", "415", "422"));
            }
            if (parameters.stream().anyMatch(parameter -> parameter.startsWith("query "))) {
                statuses.add("422");
            }
            if (parameters.contains("header " + HttpHeaders.IF_MATCH)) {
                statuses.addAll(List.of("412", "428"));
            }
            if (parameters.contains("header Idempotency-Key")) {
                statuses.addAll(List.of("409", "422"));
            }
            return statuses;
        }
    }

    /** Every resource method in the application's classes (target/classes), as OpenAPI names its path. */
    private static List<Endpoint> resourceMethods() throws Exception {
        String applicationPath = StockroomApplication.class.getAnnotation(ApplicationPath.class).value();
        Path classes = Path.of(StockroomApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Endpoint> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, OpenApiIT.class.getClassLoader());
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                    String verb = Arrays.stream(method.getAnnotations())
                            .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                            .filter(Objects::nonNull).map(HttpMethod::value).findFirst().orElse(null);
                    if (verb == null) {
                        assertThat(sub).as("a sub-resource locator, which this test does not follow: "
                                + type.getName() + "." + method.getName()).isNull();
                        continue;
                    }
                    found.add(new Endpoint(verb, template(applicationPath, root.value(), sub == null ? "" : sub.value()),
                            method));
                }
            }
        }
        return found;
    }

    /** "/api/v1", "/movements", "/{id: [0-9]+}" -> "/api/v1/movements/{id}". */
    private static String template(String... parts) {
        Matcher parameters = PATH_PARAMETER.matcher(("/" + String.join("/", parts)).replaceAll("/+", "/"));
        String path = parameters.replaceAll("{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    // --- the document ---

    private static RequestSpecification openApi() {
        return given().baseUri(StockroomTestServer.baseUri().toString());
    }

    private static List<Endpoint> documented() {
        return endpoints.stream().filter(endpoint -> operation(endpoint) != null).toList();
    }

    private static Map<String, Object> operation(Endpoint endpoint) {
        Object pathItem = map(document.get("paths")).get(endpoint.path());
        return pathItem == null ? null : nullableMap(map(pathItem).get(endpoint.verb().toLowerCase(Locale.ROOT)));
    }

    /** The schema of the body of that media type in a response or request body, or null. */
    private static Map<String, Object> schemaOf(Map<String, Object> withContent, String mediaType) {
        Object media = map(withContent.get("content")).get(mediaType);
        return media == null ? null : nullableMap(map(media).get("schema"));
    }

    /** The object itself, or what its {@code $ref} points to. */
    private static Map<String, Object> resolve(Object value) {
        Map<String, Object> object = map(value);
        Object reference = value instanceof String ? value : object.get("$ref");
        if (reference == null) {
            return object;
        }
        Object target = resolveOrNull((String) reference);
        assertThat(target).as("the target of " + reference).isNotNull();
        return map(target);
    }

    /** "#/components/schemas/Problem" -> that node of the document, or null. */
    private static Object resolveOrNull(String reference) {
        if (!reference.startsWith("#/")) {
            return null;
        }
        Object node = document;
        for (String step : reference.substring(2).split("/")) {
            if (!(node instanceof Map<?, ?> object)) {
                return null;
            }
            node = object.get(step.replace("~1", "/").replace("~0", "~"));
        }
        return node;
    }

    private static void collectReferences(Object node, Set<String> references) {
        if (node instanceof Map<?, ?> object) {
            object.forEach((key, value) -> {
                if ("$ref".equals(key) && value instanceof String reference) {
                    references.add(reference);
                } else {
                    collectReferences(value, references);
                }
            });
        } else if (node instanceof List<?> items) {
            items.forEach(item -> collectReferences(item, references));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    private static Map<String, Object> nullableMap(Object value) {
        return value == null ? null : map(value);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> items ? items : List.of();
    }
}
