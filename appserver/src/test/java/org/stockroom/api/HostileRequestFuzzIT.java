package org.stockroom.api;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stockroom.csv.CsvReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockroom.api.HostileRequests.Endpoint;
import org.stockroom.api.HostileRequests.HostileRequest;
import org.stockroom.api.HostileRequests.Member;
import org.stockroom.testing.Ledger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.api.HostileRequests.quote;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.receive;
import static org.stockroom.testing.Api.unique;

/**
 * A property-based fuzz test of every write endpoint: generated hostile requests (broken JSON,
 * huge and non-positive numbers, unicode and control characters, SQL and script fragments,
 * missing, duplicate and unknown fields, wrong types, methods, content types and headers,
 * bodies over the limit, hostile paths) are each answered either with a 4xx problem whose
 * {@code status} is the HTTP status, or accepted (2xx); never with a 5xx. Afterwards the
 * inventory tables differ from before exactly by what the accepted requests wrote.
 *
 * <p>A run sends {@value #TRIES_PER_ENDPOINT} requests to each of seven endpoints and
 * {@value #TRIES_FOR_LOG_IN} to the log-in, 1,450 in all, in about half a minute. The seed is
 * random and printed with any failure; {@code -Dstockroom.fuzz.seed=...} repeats a run and
 * {@code -Dstockroom.fuzz.tries=...} changes its length.
 */
class HostileRequestFuzzIT {

    static final int TRIES_PER_ENDPOINT = 190;
    /** Fewer to the log-in: each well-formed one costs a deliberately slow password hash. */
    static final int TRIES_FOR_LOG_IN = 120;

    private static final int TRIES = Integer.getInteger("stockroom.fuzz.tries", TRIES_PER_ENDPOINT);
    private static final long SEED = Long.getLong("stockroom.fuzz.seed", new SecureRandom().nextLong());
    private static final int MAX_BODY_BYTES = 64 * 1024;  // the server's default STOCKROOM_MAX_BODY_BYTES

    /** REST Assured would otherwise try to encode the bytes as form fields for these content types. */
    private static final RestAssuredConfig SEND_BYTES_AS_THEY_ARE = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig()
                    .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.BINARY)
                    .encodeContentTypeAs("multipart/form-data", ContentType.BINARY)
                    .encodeContentTypeAs("text/csv", ContentType.BINARY)
                    .encodeContentTypeAs("text/plain", ContentType.BINARY));

    private static String stockedSku;
    private static String editableSku;
    private static String archivableSku;
    private static String main;
    private static String other;
    private static String openOrder;
    private static String counted;
    private static long stocktake;

    @BeforeAll
    static void createFixtures() {
        stockedSku = unique("FZS");
        editableSku = unique("FZE");
        archivableSku = unique("FZA");
        main = unique("FZM");
        other = unique("FZO");
        createProduct(stockedSku, 0);
        createProduct(editableSku, 0);
        createProduct(archivableSku, 0);
        createLocation(main);
        createLocation(other);
        receive(stockedSku, main, 100_000);
        receive(stockedSku, other, 100_000);
        // An order that never fills up: deliveries of a few units keep it OPEN.
        openOrder = unique("FZPO");
        api().body(Map.of("number", openOrder, "supplier", "Fuzz supplier", "allowOverReceipt", true,
                "lines", List.of(Map.of("sku", stockedSku, "quantity", 1_000_000)))).post("/purchase-orders")
                .then().statusCode(201);
        // A location whose count is open: the fuzz enters counts into it, and tries to open another.
        counted = unique("FZC");
        createLocation(counted);
        receive(stockedSku, counted, 100);
        stocktake = ((Number) api().body(Map.of("location", counted)).post("/stocktakes")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"create-product", "revise-product", "archive-product", "create-location", "record-movement",
            "create-purchase-order", "receive-purchase-order", "open-stocktake", "count-stocktake-line",
            "create-reservation", "issue-token"})
    void givenHostileRequests_whenSent_thenEachIsAProblemOrAcceptedAndOnlyTheAcceptedWrite(String endpointName) {
        Random random = new Random(SEED + endpointName.hashCode());
        Endpoint endpoint = endpoint(endpointName, random);
        HostileRequests requests = new HostileRequests(random, MAX_BODY_BYTES);
        DatabaseSnapshot before = DatabaseSnapshot.take();
        DatabaseSnapshot.AcceptedWrites accepted = new DatabaseSnapshot.AcceptedWrites();
        List<String> failures = new ArrayList<>();
        Map<String, Map<Integer, Integer>> outcomes = new TreeMap<>();
        Map<String, Long> millisByFamily = new TreeMap<>();
        int acceptedRequests = 0;

        int tries = endpointName.equals("issue-token") ? TRIES * TRIES_FOR_LOG_IN / TRIES_PER_ENDPOINT : TRIES;
        for (int i = 0; i < tries; i++) {
            HostileRequest request = requests.next(endpoint);
            Response response;
            long start = System.nanoTime();
            try {
                response = send(request);
            } catch (RuntimeException e) {
                failures.add("no answer (" + e + ") to " + request.describe());
                continue;
            } finally {
                millisByFamily.merge(request.family(), (System.nanoTime() - start) / 1_000_000, Long::sum);
            }
            int status = response.statusCode();
            outcomes.computeIfAbsent(request.family(), family -> new TreeMap<>()).merge(status, 1, Integer::sum);
            if (status >= 200 && status < 300) {
                acceptedRequests++;
                recordAccepted(endpointName, endpoint, request, response, accepted, failures);
            } else {
                checkProblem(request, response, failures);
            }
        }

        failures.addAll(DatabaseSnapshot.take().unexplainedChangesSince(before, accepted));
        if (Ledger.inconsistentLevels() != 0) {
            failures.add("stock levels disagree with the ledger");
        }
        System.out.printf("Fuzzed %s with %d requests (seed %d), %d accepted; status by family: %s; ms by family: %s%n",
                endpointName, tries, SEED, acceptedRequests, outcomes, millisByFamily);
        assertThat(failures)
                .as("hostile requests to %s answered wrongly; repeat with -Dstockroom.fuzz.seed=%d", endpointName, SEED)
                .isEmpty();
    }

    /**
     * CSV files to {@code POST /imports/products}: a good file, then mutated (broken quotes, stray
     * quotes, control characters and bytes that are not UTF-8, fields too long or missing, wrong and
     * repeated header columns, SQL and huge numbers as values, other content types, charsets, methods
     * and keys). Each answer is a 4xx problem or a 200, never a 5xx, and the
     * products differ afterwards exactly by the SKUs of the accepted files.
     */
    @Test
    void givenHostileCsvFiles_whenImported_thenEachIsAProblemOrAcceptedAndOnlyTheAcceptedWrite() throws Exception {
        Random random = new Random(SEED + 5);
        DatabaseSnapshot before = DatabaseSnapshot.take();
        DatabaseSnapshot.AcceptedWrites accepted = new DatabaseSnapshot.AcceptedWrites();
        Set<String> imported = new HashSet<>();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < TRIES; i++) {
            String file = csvFile(random);
            byte[] body = file.getBytes(StandardCharsets.UTF_8);
            String contentType = "text/csv; charset=UTF-8";
            String method = "POST";
            RequestSpecification spec = api().urlEncodingEnabled(false).config(SEND_BYTES_AS_THEY_ARE);
            switch (random.nextInt(14)) {
                case 0 -> body = insertBytes(body, random, new byte[]{(byte) 0xC3, (byte) 0x28});      // not UTF-8
                case 1 -> body = insertBytes(body, random, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80});  // a surrogate
                case 2 -> contentType = List.of("application/json", "text/plain", "text/csv; charset=ISO-8859-1",
                        "multipart/form-data", "application/octet-stream").get(random.nextInt(5));
                case 3 -> method = List.of("GET", "PUT", "DELETE", "PATCH").get(random.nextInt(4));
                case 4 -> spec.header("Idempotency-Key", List.of("", "k".repeat(256), "caf\u00e9", "\u0001").get(random.nextInt(4)));
                default -> { }
            }
            spec.contentType(contentType);
            spec.body(body);
            Response response;
            try {
                response = spec.request(method, "/imports/products");
            } catch (RuntimeException e) {
                failures.add("no answer (" + e + ") to " + abbreviated(file));
                continue;
            }
            int status = response.statusCode();
            outcomes.merge(status, 1, Integer::sum);
            if (status == 200) {
                for (String sku : skusOf(new String(body, StandardCharsets.UTF_8))) {
                    (imported.add(sku) && !before.products().containsKey(sku) ? accepted.createdProducts : accepted.changedProducts).add(sku);
                }
            } else {
                HostileRequest described = new HostileRequest("csv", method, "/imports/products", contentType, Map.of(),
                        body, false);
                checkProblem(described, response, failures);
            }
        }
        failures.addAll(DatabaseSnapshot.take().unexplainedChangesSince(before, accepted));
        System.out.printf("Fuzzed the products import with %d files (seed %d): statuses %s%n", TRIES, SEED, outcomes);
        assertThat(failures).as("hostile CSV files answered wrongly; repeat with -Dstockroom.fuzz.seed=%d", SEED)
                .isEmpty();
    }

    private static final List<String> CSV_VALUES = List.of("\"", "\"\"", "a\"b", "\u0000", "\u0007", "\u001b[31m",
            "' OR '1'='1", "'; DROP TABLE product; --", "<script>alert(1)</script>", "1e400", "-1", "NaN", "0x10",
            "99999999999999999999", "true", "maybe", ",", "\r", "\n", "\uFEFF", "x".repeat(12_000), "\ud83d\ude00",
            "EA", "KG", "0.0000001", "");

    /** A products file of a few new SKUs, then (mostly) mutated. */
    private static String csvFile(Random random) {
        List<String> header = new ArrayList<>(List.of("sku", "name", "description", "unitOfMeasure", "category",
                "reorderPoint", "lotTracked"));
        StringBuilder file = new StringBuilder();
        switch (random.nextInt(6)) {
            case 0 -> header.set(random.nextInt(header.size()), CSV_VALUES.get(random.nextInt(CSV_VALUES.size())));
            case 1 -> header.add(header.get(random.nextInt(header.size())));
            case 2 -> header.remove(random.nextInt(header.size()));
            default -> { }
        }
        if (random.nextInt(10) > 0) {
            file.append(String.join(",", header)).append(random.nextBoolean() ? "\r\n" : "\n");
        }
        int rows = random.nextInt(4);
        for (int r = 0; r < rows; r++) {
            List<String> fields = new ArrayList<>(List.of(unique("FZI"), "\"Fuzz, imported\"", "", "EA", "Fuzz", "3", "false"));
            if (random.nextInt(3) > 0) {
                fields.set(random.nextInt(fields.size()), CSV_VALUES.get(random.nextInt(CSV_VALUES.size())));
            }
            if (random.nextInt(6) == 0) {
                fields.remove(fields.size() - 1);
            }
            file.append(String.join(",", fields)).append(random.nextInt(4) == 0 ? "\r" : "\r\n");
        }
        if (random.nextInt(8) == 0) {
            file.insert(random.nextInt(file.length() + 1), '"');
        }
        return file.toString();
    }

    private static byte[] insertBytes(byte[] body, Random random, byte[] inserted) {
        int at = random.nextInt(body.length + 1);
        byte[] result = new byte[body.length + inserted.length];
        System.arraycopy(body, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(body, at, result, at + inserted.length, body.length - at);
        return result;
    }

    /** The SKUs of a file the server accepted, read as the server reads it. */
    private static List<String> skusOf(String file) throws IOException, CsvReader.MalformedCsvException {
        CsvReader reader = new CsvReader(new StringReader(file));
        CsvReader.Record header = reader.next();
        int column = header.fields().indexOf("sku");
        List<String> skus = new ArrayList<>();
        for (CsvReader.Record record = reader.next(); record != null; record = reader.next()) {
            if (!record.isBlank()) {
                skus.add(record.fields().get(column));
            }
        }
        return skus;
    }

    private static Response send(HostileRequest request) {
        RequestSpecification spec = api().urlEncodingEnabled(false).config(SEND_BYTES_AS_THEY_ARE).headers(request.headers());
        if (request.contentType() == null) {
            spec.noContentType();
        } else {
            spec.contentType(request.contentType());
        }
        if (request.body() != null && request.chunked()) {
            spec.body(new ByteArrayInputStream(request.body()));  // unknown length: sent chunked
        } else if (request.body() != null) {
            spec.body(request.body());
        }
        return spec.request(request.method(), request.path());
    }

    private static void checkProblem(HostileRequest request, Response response, List<String> failures) {
        int status = response.statusCode();
        String contentType = response.contentType();
        if (status < 400 || status > 499) {
            failures.add("status " + status + " for " + request.describe() + ": " + abbreviated(response.asString()));
            return;
        }
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            failures.add("status " + status + " with Content-Type " + contentType + " for " + request.describe());
            return;
        }
        try {
            Integer problemStatus = response.jsonPath().get("status");
            if (problemStatus == null || problemStatus != status) {
                failures.add("problem status " + problemStatus + " under HTTP " + status + " for " + request.describe());
            }
        } catch (RuntimeException e) {
            failures.add("status " + status + " with a body that is no JSON problem for " + request.describe());
        }
    }

    private static void recordAccepted(String endpointName, Endpoint endpoint, HostileRequest request, Response response,
                                       DatabaseSnapshot.AcceptedWrites accepted, List<String> failures) {
        // The path may differ and still be the same resource (/movements/;x=1): what was written is read from the answer.
        if (!request.method().equals(endpoint.method())) {
            failures.add("accepted (" + response.statusCode() + ") a request with another method: " + request.describe());
            return;
        }
        switch (endpointName) {
            case "create-product" -> accepted.createdProducts.add(response.path("sku"));
            case "revise-product" -> accepted.changedProducts.add(response.path("sku"));
            case "archive-product" -> {
                if (!request.path().equals(endpoint.path())) {
                    failures.add("archived a product named by a hostile path: " + request.describe());
                }
                accepted.changedProducts.add(archivableSku);
            }
            case "create-location" -> accepted.createdLocations.add(response.path("code"));
            // These write only the stocktake tables, which the snapshot does not cover: no stock may change.
            case "open-stocktake", "count-stocktake-line" -> { }
            case "record-movement" -> {
                Object id = response.path("id");  // an Integer: String.valueOf(char[]) must not be chosen
                accepted.movements.add(String.valueOf(id));
                String sku = response.path("sku");
                for (String location : new String[]{response.path("from"), response.path("to")}) {
                    if (location != null) {
                        accepted.levels.add(sku + "@" + location);
                    }
                }
            }
            case "create-purchase-order" -> {
                // Writes only purchase order tables, which the snapshot does not hold.
            }
            // Writes a reservation (not in the snapshot) and the reserved stock of its level.
            case "create-reservation" -> accepted.levels.add(response.path("sku") + "@" + response.path("location"));
            case "receive-purchase-order" -> {
                List<Integer> movementIds = response.path("lines.movementId");
                List<String> skus = response.path("lines.sku");
                movementIds.forEach(id -> accepted.movements.add(String.valueOf(id)));
                skus.forEach(sku -> accepted.levels.add(sku + "@" + response.path("location")));
            }
            default -> failures.add("accepted (" + response.statusCode() + ") " + request.describe());
        }
    }

    /** The write endpoints, each with a request it accepts; members are JSON text. */
    private static Endpoint endpoint(String name, Random random) {
        List<String> bodyMethods = List.of("PUT", "DELETE", "PATCH");
        return switch (name) {
            case "create-product" -> new Endpoint(name, "POST", "/products", Map.of(),
                    () -> List.of(new Member("sku", quote(unique("FZP"))), new Member("name", quote("Fuzz product")),
                            new Member("description", quote("line one\nline two")), new Member("unitOfMeasure", quote("EA")),
                            new Member("category", quote("Fuzz")), new Member("reorderPoint", "5")),
                    List.of("sku", "name", "description", "unitOfMeasure", "category"), List.of("reorderPoint"), bodyMethods);
            case "revise-product" -> new Endpoint(name, "PUT", "/products/" + editableSku, Map.of("If-Match", "*"),
                    () -> List.of(new Member("name", quote("Revised by the fuzz test")),
                            new Member("description", quote("text")), new Member("unitOfMeasure", quote("BOX")),
                            new Member("category", quote("Fuzz")), new Member("reorderPoint", "7")),
                    List.of("name", "description", "unitOfMeasure", "category", "sku"), List.of("reorderPoint", "version"),
                    List.of("POST", "PATCH"));
            case "archive-product" -> new Endpoint(name, "DELETE", "/products/" + archivableSku, Map.of(), List::of,
                    List.of(), List.of(), List.of("POST", "PATCH"));
            case "create-location" -> new Endpoint(name, "POST", "/locations", Map.of(),
                    () -> List.of(new Member("code", quote(unique("FZL"))), new Member("name", quote("Fuzz location"))),
                    List.of("code", "name"), List.of(), bodyMethods);
            case "record-movement" -> new Endpoint(name, "POST", "/movements", Map.of(), () -> movement(random),
                    List.of("type", "sku", "from", "to", "reason", "reference"), List.of("quantity"), bodyMethods);
            case "create-purchase-order" -> new Endpoint(name, "POST", "/purchase-orders", Map.of(),
                    () -> List.of(new Member("number", quote(unique("FZPO"))), new Member("supplier", quote("Fuzz supplier")),
                            new Member("expectedOn", quote("2026-12-15")), new Member("note", quote("line one\nline two")),
                            new Member("lines", "[{\"sku\": " + quote(stockedSku) + ", \"quantity\": 5}]")),
                    List.of("number", "supplier", "note", "expectedOn"), List.of(), bodyMethods);
            case "receive-purchase-order" -> new Endpoint(name, "POST", "/purchase-orders/" + openOrder + "/receipts",
                    Map.of(), () -> List.of(new Member("location", quote(random.nextBoolean() ? main : other)),
                            new Member("reference", quote("DN-" + random.nextInt(1000))),
                            new Member("lines", "[{\"sku\": " + quote(stockedSku) + ", \"quantity\": "
                                    + (random.nextInt(5) + 1) + "}]")),
                    List.of("location", "reference"), List.of(), bodyMethods);
            // Its location has a count open already: only one with a location of its own is accepted.
            case "open-stocktake" -> new Endpoint(name, "POST", "/stocktakes", Map.of(),
                    () -> List.of(new Member("location", quote(counted)), new Member("skus", "[" + quote(stockedSku) + "]")),
                    List.of("location"), List.of(), bodyMethods);
            case "count-stocktake-line" -> new Endpoint(name, "PUT", "/stocktakes/" + stocktake + "/lines/" + stockedSku,
                    Map.of(), () -> List.of(new Member("counted", Integer.toString(random.nextInt(200)))),
                    List.of(), List.of("counted"), List.of("POST", "PATCH", "DELETE"));
            case "create-reservation" -> new Endpoint(name, "POST", "/reservations", Map.of(),
                    () -> List.of(new Member("sku", quote(stockedSku)), new Member("location", quote(main)),
                            new Member("quantity", Integer.toString(random.nextInt(3) + 1)),
                            new Member("reference", quote("SO-" + random.nextInt(1000))),
                            new Member("expiresAt", quote(Instant.now().plus(Duration.ofDays(1)).toString()))),
                    List.of("sku", "location", "reference", "expiresAt"), List.of("quantity"), bodyMethods);
            case "issue-token" -> new Endpoint(name, "POST", "/auth/token", Map.of(),
                    // Never the user admin: a lock-out after failed log-ins must not lock the other tests out.
                    () -> List.of(new Member("username", quote(unique("fuzz-user"))),
                            new Member("password", quote("not the password, 22 chars"))),
                    List.of("username", "password"), List.of(), List.of("PUT", "DELETE", "PATCH", "GET"));
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** A movement the server accepts: a receipt, an issue, a transfer or an adjustment of a few units. */
    private static List<Member> movement(Random random) {
        String quantity = Integer.toString(random.nextInt(5) + 1);
        List<Member> common = List.of(new Member("sku", quote(stockedSku)), new Member("reason", quote("fuzz")),
                new Member("reference", quote("FZ-" + random.nextInt(1000))));
        List<Member> movement = new ArrayList<>(common);
        switch (random.nextInt(4)) {
            case 0 -> movement.addAll(List.of(new Member("type", quote("RECEIVE")), new Member("to", quote(main)),
                    new Member("quantity", quantity)));
            case 1 -> movement.addAll(List.of(new Member("type", quote("ISSUE")), new Member("from", quote(main)),
                    new Member("quantity", quantity)));
            case 2 -> movement.addAll(List.of(new Member("type", quote("TRANSFER")), new Member("from", quote(main)),
                    new Member("to", quote(other)), new Member("quantity", quantity)));
            default -> movement.addAll(List.of(new Member("type", quote("ADJUST")), new Member("to", quote(other)),
                    new Member("quantity", (random.nextBoolean() ? "-" : "") + quantity)));
        }
        return movement;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
