package org.stockroom.stock;

import org.junit.jupiter.api.Test;
import org.stockroom.testing.Ledger;
import org.stockroom.testing.ServerLog;

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

/** Stock decrements under concurrency: no lost update, no over-issue. */
class ConcurrentIssueIT {

    @Test
    void fiftyConcurrentIssuesOfOneAgainstTenOnHand() throws Exception {
        String sku = unique("RACE");
        String location = unique("RACELOC");
        createProduct(sku, 0);
        createLocation(location);
        receive(sku, location, 10);

        List<Integer> statuses = concurrently(50, () -> api()
                .body(Map.of("type", "ISSUE", "sku", sku, "quantity", 1, "from", location))
                .post("/movements")
                .statusCode());

        assertThat(statuses).hasSize(50);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(10);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(40);
        assertThat(Ledger.onHand(sku, location)).isZero();
        assertThat(Ledger.ledgerSum(sku, location)).isZero();
        assertThat(Ledger.movementCount(sku)).isEqualTo(11);
        api().queryParam("sku", sku).get("/stock").then().body("items[0].onHand", equalTo(0));
    }

    @Test
    void concurrentOppositeTransfersNeitherDeadlockNorLoseStock() throws Exception {
        String sku = unique("SWAP");
        String a = unique("SWAPA");
        String b = unique("SWAPB");
        createProduct(sku, 0);
        createLocation(a);
        createLocation(b);
        receive(sku, a, 100);
        receive(sku, b, 100);

        List<Integer> statuses = concurrently(40, new java.util.function.IntFunction<Integer>() {
            @Override
            public Integer apply(int i) {
                boolean aToB = i % 2 == 0;
                return api().body(Map.of("type", "TRANSFER", "sku", sku, "quantity", 1,
                                "from", aToB ? a : b, "to", aToB ? b : a))
                        .post("/movements").statusCode();
            }
        });

        assertThat(statuses).containsOnly(201);
        assertThat(Ledger.onHand(sku, a)).isEqualTo(100).isEqualTo(Ledger.ledgerSum(sku, a));
        assertThat(Ledger.onHand(sku, b)).isEqualTo(100).isEqualTo(Ledger.ledgerSum(sku, b));
        assertThat(Ledger.inconsistentLevels()).isZero();
    }

    @Test
    void manyConcurrentMovementsOfOneProductAtDifferentLocationsQueueWithoutDeadlock() throws Exception {
        // Every level change updates the product's total (V7), so all of them meet on one row.
        String sku = unique("HOT");
        createProduct(sku, 0);
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String location = unique("HOTLOC");
            createLocation(location);
            receive(sku, location, 50);
            locations.add(location);
        }

        List<Integer> statuses;
        try (ServerLog log = ServerLog.capture()) {
            // 24: well past the pool's 10 connections, so they queue in PostgreSQL and in the pool, yet
            // few enough that the last one gets a connection within the pool's 2 s wait on a busy machine
            // (movements of one product now run one at a time; see docs/benchmarks.md, V7).
            statuses = concurrently(24, i -> {
                String here = locations.get(i % locations.size());
                String next = locations.get((i + 1) % locations.size());
                Map<String, Object> movement = switch (i % 4) {
                    case 0 -> Map.of("type", "RECEIVE", "sku", sku, "quantity", 2, "to", here);
                    case 1 -> Map.of("type", "ISSUE", "sku", sku, "quantity", 1, "from", here);
                    case 2 -> Map.of("type", "TRANSFER", "sku", sku, "quantity", 3, "from", here, "to", next);
                    default -> Map.of("type", "ADJUST", "sku", sku, "quantity", -1, "from", here, "reason", "count");
                };
                return api().body(movement).post("/movements").statusCode();
            });
            // A deadlock would be retried and answered 201, so look for it where the retry logs it.
            assertThat(log.lines()).as("no deadlock was retried")
                    .noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT).contains("deadlock")
                            || line.contains("40P01"));
        }

        assertThat(statuses).containsOnly(201);
        long expected = 6 * 50 + 6 * 2 - 6 - 6;  // 6 of each kind; transfers change no total
        assertThat(Ledger.productTotal(sku)).isEqualTo(expected)
                .isEqualTo(Ledger.levelsSum(sku))
                .isEqualTo(Ledger.ledgerSum(sku));
        api().get("/products/{sku}", sku).then().body("onHand", equalTo((int) expected));
        assertThat(Ledger.inconsistentLevels()).isZero();
    }
}
