package org.stockroom.stocktake;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.stockroom.security.Role;
import org.stockroom.testing.Ledger;
import org.stockroom.testing.ServerLog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.as;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.receive;
import static org.stockroom.testing.Api.unique;

/**
 * A count while the stock keeps moving: receipts and issues at the counted location from
 * several threads before, during and after the clerk's entries, and while the manager posts.
 * Whatever the interleaving, each product ends at what was counted plus what moved there after
 * its line was entered, its expected quantity is exactly the ledger up to the movement the line
 * names, and the levels equal the ledger.
 */
class ConcurrentStocktakeIT {

    private static final int PRODUCTS = 3;
    private static final int MOVERS = 4;
    private static final int MOVEMENTS_PER_MOVER = 12;

    @Test
    void movementsMadeWhileTheCountIsOpenAreAccountedForAndNoneIsOverwritten() throws Exception {
        String shelf = unique("COUNT");
        createLocation(shelf);
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            String sku = unique("CYCLE");
            createProduct(sku, 0);
            receive(sku, shelf, 100);
            skus.add(sku);
        }
        long id = ((Number) as(Role.CLERK).body(Map.of("location", shelf)).post("/stocktakes")
                .then().statusCode(201).extract().path("id")).longValue();

        List<Integer> statuses;
        try (ServerLog log = ServerLog.capture(); ExecutorService pool = Executors.newFixedThreadPool(MOVERS + 1)) {
            // 1. Movers and the clerk start together: some movements land before a line's entry, some after.
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Integer>>> duringCount = new ArrayList<>();
            for (int mover = 0; mover < MOVERS; mover++) {
                duringCount.add(pool.submit(mover(start, skus, shelf, mover)));
            }
            Future<List<Integer>> clerk = pool.submit(() -> {
                start.await();
                List<Integer> answers = new ArrayList<>();
                for (int round = 0; round < 2; round++) {  // the second round counts each line again
                    for (int i = 0; i < skus.size(); i++) {
                        answers.add(as(Role.CLERK).body(Map.of("counted", 60 + 10 * i + round))
                                .put("/stocktakes/{id}/lines/{sku}", id, skus.get(i)).statusCode());
                    }
                }
                return answers;
            });
            start.countDown();
            statuses = new ArrayList<>(clerk.get(120, TimeUnit.SECONDS));
            assertThat(statuses).as("the clerk's counts").containsOnly(200);

            // 2. One issue of each product after its last count, for certain; then more movements,
            //    and the manager posts while they run.
            for (String sku : skus) {
                statuses.add(as(Role.CLERK).body(Map.of("type", "ISSUE", "sku", sku, "quantity", 1, "from", shelf))
                        .post("/movements").statusCode());
            }
            CountDownLatch again = new CountDownLatch(1);
            List<Future<List<Integer>>> afterCount = new ArrayList<>();
            for (int mover = 0; mover < MOVERS; mover++) {
                afterCount.add(pool.submit(mover(again, skus, shelf, MOVERS + mover)));
            }
            String etag = api().get("/stocktakes/{id}", id).header("ETag");
            again.countDown();
            int posted = as(Role.MANAGER).header("If-Match", etag).post("/stocktakes/{id}/post", id).statusCode();
            assertThat(posted).as("the post").isEqualTo(200);
            for (Future<List<Integer>> movements : duringCount) {
                statuses.addAll(movements.get(120, TimeUnit.SECONDS));
            }
            for (Future<List<Integer>> movements : afterCount) {
                statuses.addAll(movements.get(120, TimeUnit.SECONDS));
            }
            // A deadlock would be retried and answered 201, so look for it where the retry logs it.
            assertThat(log.lines()).as("no deadlock was retried")
                    .noneMatch(line -> line.toLowerCase(Locale.ROOT).contains("deadlock") || line.contains("40P01"));
        }
        assertThat(statuses).as("every movement recorded").containsOnly(200, 201);

        JsonPath stocktake = api().get("/stocktakes/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(stocktake.getString("status")).isEqualTo("POSTED");
        for (int i = 0; i < skus.size(); i++) {
            String sku = skus.get(i);
            Map<String, Object> line = stocktake.getMap("lines.find { it.sku == '" + sku + "' }");
            long counted = ((Number) line.get("counted")).longValue();
            long expected = ((Number) line.get("expected")).longValue();
            long after = ((Number) line.get("expectedAfterMovement")).longValue();
            Number movement = (Number) line.get("movement");
            long adjustment = movement == null ? -1 : movement.longValue();

            assertThat(counted).isEqualTo(60 + 10 * i + 1);
            assertThat(expected).as("%s: expected is the ledger up to movement %d", sku, after)
                    .isEqualTo(ledgerDeltas(sku, shelf, "e.movement_id <= ?", after));
            long movedSince = ledgerDeltas(sku, shelf, "e.movement_id > ? and e.movement_id <> ?", after, adjustment);
            assertThat(Ledger.onHand(sku, shelf)).as("%s: counted %d, then moved %d", sku, counted, movedSince)
                    .isEqualTo(counted + movedSince)
                    .isEqualTo(Ledger.ledgerSum(sku, shelf));
            if (movement != null) {
                assertThat(ledgerDeltas(sku, shelf, "e.movement_id = ?", adjustment)).isEqualTo(counted - expected);
            }
        }
        assertThat(Ledger.inconsistentLevels()).isZero();
    }

    /** Receipts and issues of 1 to 3, of random products at the shelf; their statuses. */
    private static Callable<List<Integer>> mover(CountDownLatch start, List<String> skus, String shelf, int seed) {
        return () -> {
            Random random = new Random(seed);
            start.await();
            List<Integer> answers = new ArrayList<>();
            for (int i = 0; i < MOVEMENTS_PER_MOVER; i++) {
                String sku = skus.get(random.nextInt(skus.size()));
                int quantity = 1 + random.nextInt(3);
                Map<String, Object> movement = random.nextBoolean()
                        ? Map.of("type", "RECEIVE", "sku", sku, "quantity", quantity, "to", shelf)
                        : Map.of("type", "ISSUE", "sku", sku, "quantity", quantity, "from", shelf);
                answers.add(as(Role.CLERK).body(movement).post("/movements").statusCode());
            }
            return answers;
        };
    }

    /** The sum of the ledger's deltas of the product at the location, of the movements {@code where} selects. */
    private static long ledgerDeltas(String sku, String location, String where, Object... parameters) {
        Object[] all = new Object[parameters.length + 2];
        all[0] = sku;
        all[1] = location;
        System.arraycopy(parameters, 0, all, 2, parameters.length);
        return Ledger.queryLong("""
                select coalesce(sum(e.delta), 0) from stock_ledger_entry e
                  join product p on p.id = e.product_id join location l on l.id = e.location_id
                 where p.sku = ? and l.code = ? and\s""" + where, all);
    }
}
