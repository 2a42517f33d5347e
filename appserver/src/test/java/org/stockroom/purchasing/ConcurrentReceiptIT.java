package org.stockroom.purchasing;

import org.junit.jupiter.api.Test;
import org.stockroom.testing.Ledger;
import org.stockroom.testing.ServerLog;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.stockroom.purchasing.PurchaseOrderApiIT.createOrder;
import static org.stockroom.purchasing.PurchaseOrderApiIT.line;
import static org.stockroom.purchasing.PurchaseOrderApiIT.receipt;
import static org.stockroom.purchasing.PurchaseOrderApiIT.receiptCount;
import static org.stockroom.testing.AllAtOnce.concurrently;
import static org.stockroom.testing.Api.api;
import static org.stockroom.testing.Api.createLocation;
import static org.stockroom.testing.Api.createProduct;
import static org.stockroom.testing.Api.move;
import static org.stockroom.testing.Api.unique;

/** Deliveries racing each other, and movements of their products: never over-received, ledger and levels agree. */
class ConcurrentReceiptIT {

    @Test
    void sixteenDeliveriesOfOneOrderRacingForTenOutstandingReceiveExactlyTen() throws Exception {
        String bolt = unique("RBOLT");
        String nut = unique("RNUT");
        String dock = unique("RDOCK");
        String number = unique("PO");
        createProduct(bolt, 0);
        createProduct(nut, 0);
        createLocation(dock);
        createOrder(number, false, line(bolt, 10), line(nut, 10));

        List<Integer> statuses;
        try (ServerLog log = ServerLog.capture()) {
            // Half list the lines one way round, half the other: the products are locked in SKU order anyway.
            statuses = concurrently(16, i -> (i % 2 == 0
                    ? receipt(number, dock, line(bolt, 1), line(nut, 1))
                    : receipt(number, dock, line(nut, 1), line(bolt, 1))).statusCode());
            assertThat(log.lines()).as("no deadlock was retried")
                    .noneMatch(line -> line.toLowerCase(Locale.ROOT).contains("deadlock") || line.contains("40P01"));
        }

        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(10);
        assertThat(statuses.stream().filter(status -> status == 409)).hasSize(6);
        assertThat(receiptCount(number)).isEqualTo(10);
        assertThat(Ledger.onHand(bolt, dock)).isEqualTo(10).isEqualTo(Ledger.ledgerSum(bolt, dock));
        assertThat(Ledger.onHand(nut, dock)).isEqualTo(10).isEqualTo(Ledger.ledgerSum(nut, dock));
        assertThat(Ledger.queryLong("""
                select sum(l.quantity_received) from purchase_order_line l
                  join purchase_order o on o.id = l.purchase_order_id where o.number = ?""", number)).isEqualTo(20);
        api().get("/purchase-orders/{number}", number).then()
                .body("status", equalTo("RECEIVED"))
                .body("lines.received", equalTo(List.of(10, 10)));
        assertThat(Ledger.inconsistentLevels()).isZero();
    }

    @Test
    void deliveriesOfTwoOrdersAndPlainMovementsOfTheSameProductsNeitherDeadlockNorLoseStock() throws Exception {
        String bolt = unique("XBOLT");
        String nut = unique("XNUT");
        String dock = unique("XDOCK");
        String first = unique("PO");
        String second = unique("PO");
        createProduct(bolt, 0);
        createProduct(nut, 0);
        createLocation(dock);
        createOrder(first, false, line(bolt, 6), line(nut, 6));
        createOrder(second, false, line(nut, 6), line(bolt, 6));

        List<Integer> statuses = concurrently(18, i -> switch (i % 3) {
            case 0 -> receipt(first, dock, line(bolt, 1), line(nut, 1)).statusCode();
            case 1 -> receipt(second, dock, line(nut, 1), line(bolt, 1)).statusCode();
            default -> {
                move(java.util.Map.of("type", "RECEIVE", "sku", i % 2 == 0 ? bolt : nut, "quantity", 1, "to", dock));
                yield 201;
            }
        });

        assertThat(statuses).containsOnly(201);
        assertThat(Ledger.onHand(bolt, dock)).isEqualTo(12 + 3).isEqualTo(Ledger.ledgerSum(bolt, dock));
        assertThat(Ledger.onHand(nut, dock)).isEqualTo(12 + 3).isEqualTo(Ledger.ledgerSum(nut, dock));
        assertThat(Ledger.productTotal(bolt)).isEqualTo(Ledger.levelsSum(bolt));
        assertThat(Ledger.inconsistentLevels()).isZero();
    }
}
