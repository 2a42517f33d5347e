package org.stockroom.audit;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stockroom.security.Role;
import org.stockroom.testing.Ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.stockroom.testing.Api.anonymous;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.as;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.receive;
import static org.stockroom.testing.Api.unique;

/** The audit trail: each change through the API is recorded with its user, and listed at GET /audit. */
class AuditApiIT {

    private String sku;
    private String main;

    @BeforeEach
    void createProductAndLocation() {
        sku = unique("AUDIT");
        main = unique("MAIN");
        createProduct(sku, 0);
        createLocation(main);
    }

    @Test
    void aProductsCreationRevisionAndArchivingAreRecordedWithTheManagerAndWhatChanged() {
        String newSku = unique("AUDIT");
        as(Role.MANAGER).body(Map.of("sku", newSku, "name", "Hinge", "category", "Hardware", "reorderPoint", 5))
                .post("/products").then().statusCode(201);
        String etag = api().get("/products/{sku}", newSku).header("ETag");
        as(Role.MANAGER).header("If-Match", etag)
                .body(Map.of("name", "Hinge 75 mm", "category", "Hardware", "reorderPoint", 8))
                .put("/products/{sku}", newSku).then().statusCode(200);
        as(Role.MANAGER).delete("/products/{sku}", newSku).then().statusCode(204);

        List<Map<String, Object>> events = eventsAbout(newSku);

        assertThat(events).extracting(e -> e.get("action"))
                .containsExactly("product.archived", "product.revised", "product.created");
        assertThat(events).extracting(e -> e.get("user")).containsOnly("test-manager");
        assertThat(events).extracting(e -> e.get("subjectType")).containsOnly("product");
        assertThat(details(events.get(2))).containsEntry("name", "Hinge").containsEntry("category", "Hardware")
                .containsEntry("reorderPoint", 5).containsEntry("unitOfMeasure", "EA").containsEntry("description", null);
        Map<String, Object> revision = details(events.get(1));
        assertThat(revision.get("before")).isEqualTo(Map.of("name", "Hinge", "reorderPoint", 5));
        assertThat(revision.get("after")).isEqualTo(Map.of("name", "Hinge 75 mm", "reorderPoint", 8));
        assertThat(revision.get("version")).isEqualTo(1);
        assertThat(details(events.get(0))).isEmpty();
    }

    @Test
    void archivingAnArchivedProductChangesNothingAndRecordsNothing() {
        api().delete("/products/{sku}", sku).then().statusCode(204);
        api().delete("/products/{sku}", sku).then().statusCode(204);

        assertThat(eventsAbout(sku)).extracting(e -> e.get("action")).containsExactly("product.archived", "product.created");
    }

    @Test
    void aLocationsCreationIsRecordedWithTheAdmin() {
        String code = unique("BAY");
        api().body(Map.of("code", code, "name", "Bay 4")).post("/locations").then().statusCode(201);

        List<Map<String, Object>> events = eventsAbout(code);

        assertThat(events).hasSize(1);
        assertThat(events.getFirst()).containsEntry("action", "location.created").containsEntry("user", "test-admin")
                .containsEntry("subjectType", "location").containsEntry("subjectKey", code);
        assertThat(details(events.getFirst())).isEqualTo(Map.of("name", "Bay 4"));
    }

    @Test
    void eachMovementIsRecordedWithTheClerkAndItsTypeQuantityAndLocations() {
        String shop = unique("SHOP");
        createLocation(shop);
        int receipt = as(Role.CLERK).body(Map.of("type", "RECEIVE", "sku", sku, "quantity", 10, "to", main, "reference", "PO-9"))
                .post("/movements").then().statusCode(201).extract().path("id");
        int transfer = as(Role.CLERK).body(Map.of("type", "TRANSFER", "sku", sku, "quantity", 4, "from", main, "to", shop))
                .post("/movements").then().statusCode(201).extract().path("id");

        Map<String, Object> received = onlyEventAbout(Integer.toString(receipt));
        Map<String, Object> transferred = onlyEventAbout(Integer.toString(transfer));

        assertThat(received).containsEntry("action", "movement.recorded").containsEntry("user", "test-clerk")
                .containsEntry("subjectType", "movement");
        assertThat(details(received)).isEqualTo(Map.of("type", "RECEIVE", "sku", sku, "quantity", 10, "to", main,
                "reference", "PO-9"));
        assertThat(details(transferred)).isEqualTo(Map.of("type", "TRANSFER", "sku", sku, "quantity", 4,
                "from", main, "to", shop));
    }

    @Test
    void refusedChangesLeaveNoAuditEvent() {
        long before = auditedRowsAbout(sku);

        // 409: not enough stock
        as(Role.CLERK).body(Map.of("type", "ISSUE", "sku", sku, "quantity", 1, "from", main))
                .post("/movements").then().statusCode(409);
        // 412: an edit based on a version that is no longer current
        api().header("If-Match", "\"41\"").body(Map.of("name", "Stale edit")).put("/products/{sku}", sku)
                .then().statusCode(412);
        // 409: the SKU exists
        api().body(Map.of("sku", sku, "name", "Again")).post("/products").then().statusCode(409);
        // 422: a movement of no quantity
        as(Role.CLERK).body(Map.of("type", "RECEIVE", "sku", sku, "quantity", 0, "to", main))
                .post("/movements").then().statusCode(422);
        // 409: archiving a product with stock
        receive(sku, main, 3);
        long afterReceipt = auditedRowsAbout(sku);
        api().delete("/products/{sku}", sku).then().statusCode(409);

        assertThat(afterReceipt).isEqualTo(before + 1);
        assertThat(auditedRowsAbout(sku)).isEqualTo(afterReceipt);
    }

    @Test
    void aReplayedIdempotentRequestRecordsNoSecondEvent() {
        String newSku = unique("AUDIT");
        String key = unique("key");
        for (int attempt = 0; attempt < 3; attempt++) {
            as(Role.MANAGER).header("Idempotency-Key", key).body(Map.of("sku", newSku, "name", "Keyed"))
                    .post("/products").then().statusCode(201);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            as(Role.CLERK).header("Idempotency-Key", key)
                    .body(Map.of("type", "RECEIVE", "sku", newSku, "quantity", 2, "to", main))
                    .post("/movements").then().statusCode(201);
        }

        assertThat(Ledger.queryLong("select count(*) from audit_event where action = 'product.created' and subject_key = ?",
                newSku)).isEqualTo(1);
        assertThat(Ledger.queryLong("select count(*) from audit_event where action = 'movement.recorded'"
                + " and details ->> 'sku' = ?", newSku)).isEqualTo(1);
        assertThat(Ledger.movementCount(newSku)).isEqualTo(1);
    }

    @Test
    void theUserFilterIgnoresCaseAndSinceKeepsOnlyLaterEvents() {
        int earlier = as(Role.CLERK).body(Map.of("type", "RECEIVE", "sku", sku, "quantity", 1, "to", main))
                .post("/movements").then().statusCode(201).extract().path("id");
        Instant between = latestOccurredAt();
        sleepPastTheClockTick();
        int later = as(Role.CLERK).body(Map.of("type", "RECEIVE", "sku", sku, "quantity", 2, "to", main))
                .post("/movements").then().statusCode(201).extract().path("id");

        JsonPath clerks = as(Role.MANAGER).queryParam("user", "TEST-Clerk").queryParam("limit", 500)
                .get("/audit").then().statusCode(200).extract().jsonPath();
        assertThat(clerks.getList("items.user", String.class)).isNotEmpty().containsOnly("test-clerk");
        assertThat(clerks.getList("items.subjectKey", String.class))
                .contains(Integer.toString(earlier), Integer.toString(later));

        JsonPath since = as(Role.MANAGER).queryParam("since", between.plusNanos(1000).toString())
                .queryParam("limit", 500).get("/audit").then().statusCode(200).extract().jsonPath();
        assertThat(since.getList("items.subjectKey", String.class))
                .contains(Integer.toString(later))
                .doesNotContain(Integer.toString(earlier));
        assertThat(since.getList("items.occurredAt", String.class))
                .allSatisfy(at -> assertThat(Instant.parse(at)).isAfter(between));

        as(Role.MANAGER).queryParam("user", "nobody-" + sku).get("/audit")
                .then().statusCode(200).body("items.size()", equalTo(0)).body("next", equalTo(null));
    }

    @Test
    void theTrailPagesNewestFirstWithoutGapsOrRepeats() {
        Instant start = latestOccurredAt();
        sleepPastTheClockTick();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int id = as(Role.CLERK).body(Map.of("type", "RECEIVE", "sku", sku, "quantity", 1, "to", main))
                    .post("/movements").then().statusCode(201).extract().path("id");
            mine.add(Integer.toString(id));
        }

        List<Long> ids = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = as(Role.ADMIN).queryParam("user", "test-clerk").queryParam("since", start.plusNanos(1000).toString())
                    .queryParam("limit", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/audit").then().statusCode(200)
                    .body("items", everyItem(notNullValue())).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            ids.addAll(page.getList("items.id", Long.class));
            subjects.addAll(page.getList("items.subjectKey", String.class));
            after = page.getString("next");
            pages++;
        } while (after != null && pages < 50);

        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(subjects).containsAll(mine);
    }

    @Test
    void badFiltersAreProblemsNotServerErrors() {
        as(Role.MANAGER).queryParam("since", "yesterday").get("/audit").then()
                .statusCode(422).contentType("application/problem+json").body("errors[0].pointer", equalTo("since"));
        as(Role.MANAGER).queryParam("since", "+10000-01-01T00:00:00Z").get("/audit").then()
                .statusCode(422).contentType("application/problem+json").body("errors[0].pointer", equalTo("since"));
        as(Role.MANAGER).queryParam("limit", "0").get("/audit").then()
                .statusCode(422).contentType("application/problem+json").body("errors[0].pointer", equalTo("limit"));
        as(Role.MANAGER).queryParam("limit", "501").get("/audit").then().statusCode(422);
        as(Role.MANAGER).queryParam("after", "not-a-cursor!").get("/audit").then()
                .statusCode(400).contentType("application/problem+json");
        as(Role.MANAGER).queryParam("after", java.util.Base64.getUrlEncoder().encodeToString("x".getBytes()))
                .get("/audit").then().statusCode(400).contentType("application/problem+json");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"VIEWER", "CLERK"})
    void viewersAndClerksMayNotReadTheTrail(Role role) {
        as(role).get("/audit").then().statusCode(403).contentType("application/problem+json");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"MANAGER", "ADMIN"})
    void managersAndAdminsMayReadTheTrail(Role role) {
        as(role).get("/audit").then().statusCode(200).body("items", notNullValue());
    }

    @Test
    void nobodyMayReadTheTrailAnonymously() {
        anonymous().get("/audit").then().statusCode(401).contentType("application/problem+json");
    }

    /** The events about one subject (a SKU, a code, a movement id), newest first, as the admin reads them. */
    private static List<Map<String, Object>> eventsAbout(String subjectKey) {
        List<Map<String, Object>> events = new ArrayList<>();
        String after = null;
        do {
            var request = api().queryParam("limit", 500);
            if (after != null) {
                request.queryParam("after", after);
            }
            Response page = request.get("/audit");
            page.then().statusCode(200);
            List<Map<String, Object>> items = page.jsonPath().getList("items");
            items.stream().filter(e -> subjectKey.equals(e.get("subjectKey"))
                    && !"movement".equals(e.get("subjectType"))).forEach(events::add);
            after = page.jsonPath().getString("next");
        } while (after != null);
        return events;
    }

    private static Map<String, Object> onlyEventAbout(String movementId) {
        Response page = api().queryParam("user", "test-clerk").queryParam("limit", 500).get("/audit");
        page.then().statusCode(200);
        List<Map<String, Object>> items = page.jsonPath().getList("items");
        List<Map<String, Object>> matching = items.stream()
                .filter(e -> "movement".equals(e.get("subjectType")) && movementId.equals(e.get("subjectKey"))).toList();
        assertThat(matching).hasSize(1);
        return matching.getFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> event) {
        assertThat(event.get("details")).isInstanceOf(Map.class);
        return new HashMap<>((Map<String, Object>) event.get("details"));
    }

    /** Rows about a product: its own events and those of its movements. */
    private long auditedRowsAbout(String productSku) {
        return Ledger.queryLong("""
                select count(*) from audit_event
                 where (subject_type = 'product' and subject_key = ?) or details ->> 'sku' = ?""", productSku, productSku);
    }

    private static Instant latestOccurredAt() {
        return api().queryParam("limit", 1).get("/audit").then().statusCode(200)
                .extract().jsonPath().<String>getList("items.occurredAt").stream().map(Instant::parse)
                .findFirst().orElseThrow();
    }

    /** occurred_at has microseconds; a millisecond later is later. */
    private static void sleepPastTheClockTick() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
