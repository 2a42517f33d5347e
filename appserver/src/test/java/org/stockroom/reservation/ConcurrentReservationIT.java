package org.stockroom.reservation;

import org.junit.jupiter.api.Test;
import org.stockroom.testing.Ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.stockroom.testing.AllAtOnce.concurrently;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.receive;
import static org.stockroom.testing.Api.unique;

/** Reservations under concurrency: reserved never exceeds on hand, available never goes below zero. */
class ConcurrentReservationIT {

    @Test
    void fiftyConcurrentReservationsOfOneAgainstTenOnHand() throws Exception {
        String sku = unique("HOLD");
        String location = unique("HOLDLOC");
        createProduct(sku, 0);
        createLocation(location);
        receive(sku, location, 10);

        List<Integer> statuses = concurrently(50, i -> api()
                .body(Map.of("sku", sku, "location", location, "quantity", 1, "reference", "SO-" + i))
                .post("/reservations")
                .statusCode());

        assertThat(statuses).hasSize(50);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(10);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(40);
        assertThat(Ledger.reserved(sku, location)).isEqualTo(10).isEqualTo(Ledger.heldByOpenReservations(sku, location));
        assertThat(Ledger.onHand(sku, location)).isEqualTo(10);
        assertThat(Ledger.inconsistentReservations()).isZero();
        api().queryParam("sku", sku).get("/stock").then()
                .body("items[0].reserved", equalTo(10)).body("items[0].available", equalTo(0));
    }

    @Test
    void concurrentIssuesWithAndWithoutReservationsNeverTakeReservedStock() throws Exception {
        String sku = unique("MIX");
        String location = unique("MIXLOC");
        createProduct(sku, 0);
        createLocation(location);
        receive(sku, location, 30);
        // 20 held by 10 reservations of 2; 10 available.
        List<Long> reservations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reservations.add(((Number) api().body(Map.of("sku", sku, "location", location, "quantity", 2,
                    "reference", "SO-" + i)).post("/reservations").then().statusCode(201).extract().path("id"))
                    .longValue());
        }

        // 50 at once: 20 draw 1 on a reservation (each reservation twice), 30 issue 1 without one.
        List<Integer> statuses = concurrently(50, i -> {
            Map<String, Object> issue = i < 20
                    ? Map.of("type", "ISSUE", "sku", sku, "quantity", 1, "from", location,
                    "reservation", reservations.get(i % 10))
                    : Map.of("type", "ISSUE", "sku", sku, "quantity", 1, "from", location);
            return api().body(issue).post("/movements").statusCode();
        });

        List<Integer> withReservation = statuses.subList(0, 20);
        List<Integer> without = statuses.subList(20, 50);
        assertThat(withReservation).as("every reservation held two").containsOnly(201);
        assertThat(without.stream().filter(s -> s == 201)).as("only the 10 available").hasSize(10);
        assertThat(without.stream().filter(s -> s == 409)).hasSize(20);
        assertThat(Ledger.onHand(sku, location)).isZero().isEqualTo(Ledger.ledgerSum(sku, location));
        assertThat(Ledger.reserved(sku, location)).isZero();
        assertThat(Ledger.inconsistentReservations()).isZero();
        assertThat(Ledger.inconsistentLevels()).isZero();
        for (long id : reservations) {
            api().get("/reservations/{id}", id).then().body("status", equalTo("CONSUMED"));
        }
    }

    @Test
    void concurrentReservationsReleasesAndIssuesKeepReservedWithinOnHand() throws Exception {
        String sku = unique("CHURN");
        String location = unique("CHURNLOC");
        createProduct(sku, 0);
        createLocation(location);
        receive(sku, location, 20);
        List<Long> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add(((Number) api().body(Map.of("sku", sku, "location", location, "quantity", 2,
                    "reference", "SO-" + i)).post("/reservations").then().statusCode(201).extract().path("id"))
                    .longValue());
        }

        List<Integer> statuses = concurrently(40, i -> switch (i % 4) {
            case 0 -> api().body(Map.of("sku", sku, "location", location, "quantity", 1, "reference", "NEW-" + i))
                    .post("/reservations").statusCode();
            case 1 -> api().header("If-Match", "*").post("/reservations/{id}/release", held.get(i % 5)).statusCode();
            case 2 -> api().body(Map.of("type", "ISSUE", "sku", sku, "quantity", 1, "from", location))
                    .post("/movements").statusCode();
            default -> api().body(Map.of("type", "ADJUST", "sku", sku, "quantity", -1, "from", location,
                    "reason", "damaged")).post("/movements").statusCode();
        });

        assertThat(statuses).allMatch(s -> s == 200 || s == 201 || s == 409);
        assertThat(Ledger.reserved(sku, location)).isLessThanOrEqualTo(Ledger.onHand(sku, location));
        assertThat(Ledger.inconsistentReservations()).isZero();
        assertThat(Ledger.inconsistentLevels()).isZero();
    }
}
