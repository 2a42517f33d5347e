package org.stockroom.lot;

import org.junit.jupiter.api.Test;
import org.stockroom.testing.Ledger;
import org.stockroom.testing.ServerLog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.stockroom.testing.AllAtOnce.concurrently;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.unique;

/**
 * First expiry first under concurrency: issues racing for a lot-tracked product's lots never take
 * more of a lot than is there, take the earliest lots first however they interleave, and leave
 * the ledger, the stock levels and the lots in agreement.
 */
class ConcurrentLotIssueIT {

    private static final LocalDate TODAY = LocalDate.now();

    @Test
    void concurrentIssuesOfMoreThanIsThereTakeEveryLotToZeroAndNoFurther() throws Exception {
        String sku = trackedProductWithLots(unique("RACEMILK"), 4, 4, 8);
        String location = locationOf(sku);

        List<String> answers = concurrently(20, i -> outcome(api()
                .body(Map.of("type", "ISSUE", "sku", sku, "quantity", 1, "from", location))
                .post("/movements")));

        assertThat(answers).filteredOn(answer -> answer.equals("201")).hasSize(16);
        assertThat(answers).filteredOn(answer -> answer.startsWith("409 ")).hasSize(4)
                .allSatisfy(answer -> assertThat(answer).contains("insufficient-stock"));
        for (String lot : List.of("A", "B", "C")) {
            assertThat(Ledger.lotOnHand(sku, location, lot)).as(lot).isZero();
        }
        assertAllAgree(sku, location, 0);
    }

    @Test
    void concurrentIssuesTakeTheEarliestLotsFirstHoweverTheyInterleave() throws Exception {
        String sku = trackedProductWithLots(unique("FEFOMILK"), 5, 5, 10);
        String location = locationOf(sku);

        List<String> answers = concurrently(12, i -> outcome(api()
                .body(Map.of("type", "ISSUE", "sku", sku, "quantity", i % 2 + 1, "from", location))
                .post("/movements")));

        assertThat(answers).containsOnly("201");
        // 6 x 1 + 6 x 2 = 18 taken: all of A and B, 8 of C, whatever the order they ran in.
        assertThat(Ledger.lotOnHand(sku, location, "A")).isZero();
        assertThat(Ledger.lotOnHand(sku, location, "B")).isZero();
        assertThat(Ledger.lotOnHand(sku, location, "C")).isEqualByComparingTo("2");
        assertAllAgree(sku, location, 2);
    }

    @Test
    void issuesAndTransfersRacingNeitherDeadlockNorLoseALot() throws Exception {
        String sku = trackedProductWithLots(unique("SWAPMILK"), 10, 10, 10);
        String main = locationOf(sku);
        String shop = unique("LOTSHOP");
        createLocation(shop);

        List<String> answers;
        try (ServerLog log = ServerLog.capture()) {
            answers = concurrently(18, i -> {
            Map<String, Object> movement = switch (i % 3) {
                case 0 -> Map.of("type", "ISSUE", "sku", sku, "quantity", 1, "from", main);
                case 1 -> Map.of("type", "TRANSFER", "sku", sku, "quantity", 1, "from", main, "to", shop);
                default -> Map.of("type", "ISSUE", "sku", sku, "quantity", 1, "from", main, "lot", "C");
            };
                return outcome(api().body(movement).post("/movements"));
            });
            // A deadlock would be retried and answered 201, so look for it where the retry logs it.
            assertThat(log.lines()).as("no deadlock was retried")
                    .noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT).contains("deadlock")
                            || line.contains("40P01"));
        }

        assertThat(answers).containsOnly("201");
        // 12 first expiry first (issued or transferred) come out of A and B's 20, never C; the 6 named take C's.
        assertThat(Ledger.lotOnHand(sku, main, "A").add(Ledger.lotOnHand(sku, main, "B"))).isEqualByComparingTo("8");
        assertThat(Ledger.lotOnHand(sku, main, "C")).isEqualByComparingTo("4");
        assertThat(Ledger.lotOnHand(sku, shop, "C")).isZero();
        assertAllAgree(sku, main, 12);
        assertAllAgree(sku, shop, 6);
    }

    /** The status, and for a refusal its body: what a failed assertion should show. */
    private static String outcome(io.restassured.response.Response answer) {
        return answer.statusCode() == 201 ? "201" : answer.statusCode() + " " + answer.asString();
    }

    /** A new lot-tracked product with lots A, B and C (expiring in that order) at a new location. */
    private static String trackedProductWithLots(String sku, int a, int b, int c) {
        String location = sku + "-AT";
        api().body(Map.of("sku", sku, "name", "Racing " + sku, "lotTracked", true)).post("/products")
                .then().statusCode(201);
        createLocation(location);
        receive(sku, location, a, "A", TODAY.plusDays(1));
        receive(sku, location, c, "C", TODAY.plusDays(3));
        receive(sku, location, b, "B", TODAY.plusDays(2));
        return sku;
    }

    private static String locationOf(String sku) {
        return sku + "-AT";
    }

    private static void receive(String sku, String location, int quantity, String lot, LocalDate expiresOn) {
        api().body(Map.of("type", "RECEIVE", "sku", sku, "quantity", quantity, "to", location, "lot", lot,
                "expiresOn", expiresOn.toString())).post("/movements").then().statusCode(201);
    }

    /** {@code expected} on hand, and ledger == stock level == sum of the lots == the lot ledger at the location. */
    private static void assertAllAgree(String sku, String location, long expected) {
        var level = Ledger.onHandExact(sku, location);
        assertThat(level).isEqualByComparingTo(Long.toString(expected));
        assertThat(Ledger.ledgerSumExact(sku, location)).isEqualByComparingTo(level);
        assertThat(Ledger.lotsOnHand(sku, location)).isEqualByComparingTo(level);
        assertThat(Ledger.lotLedgerSum(sku, location)).isEqualByComparingTo(level);
        assertThat(Ledger.inconsistentLotLevels()).isZero();
        assertThat(Ledger.inconsistentLevels()).isZero();
        api().queryParam("sku", sku).queryParam("location", location).get("/stock").then()
                .body("items[0].onHand", equalTo(level.intValueExact()));
    }
}
