package org.stockroom.stock;

import org.junit.jupiter.api.Test;
import org.stockroom.testing.Ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
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

    private static List<Integer> concurrently(int requests, java.util.function.Supplier<Integer> request)
            throws Exception {
        return concurrently(requests, i -> request.get());
    }

    /** Starts all requests at once from their own threads and waits (bounded) for every answer. */
    private static List<Integer> concurrently(int requests, java.util.function.IntFunction<Integer> request)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int index = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.apply(index);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        }
    }
}
