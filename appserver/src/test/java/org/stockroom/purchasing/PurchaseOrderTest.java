package org.stockroom.purchasing;

import org.junit.jupiter.api.Test;
import org.stockroom.location.Location;
import org.stockroom.location.LocationCode;
import org.stockroom.movement.StockMovement;
import org.stockroom.product.Product;
import org.stockroom.product.ProductArchivedException;
import org.stockroom.product.ProductDetails;
import org.stockroom.product.QuantityPrecisionException;
import org.stockroom.product.Sku;
import org.stockroom.rules.RuleViolation.FieldViolation;
import org.stockroom.unit.UnitOfMeasure;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The purchase order's rules, with no container: lines, deliveries, over-receipt, completion, cancel. */
class PurchaseOrderTest {

    private static final UnitOfMeasure EA = UnitOfMeasure.of("EA", "each", 0);
    private static final UnitOfMeasure M = UnitOfMeasure.of("M", "metre", 3);
    private static final Location DOCK = new Location(LocationCode.of("DOCK"), "Loading dock");

    private final Product bolt = product("BOLT-1", EA);
    private final Product nut = product("NUT-M8", EA);
    private final Product cable = product("CABLE-3", M);

    @Test
    void aNewOrderIsOpenWithEverythingOutstanding() {
        PurchaseOrder order = order(false, new OrderedQuantity(bolt, qty("10")), new OrderedQuantity(cable, qty("2.5")));

        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.OPEN);
        assertThat(order.lines()).extracting(PurchaseOrderLine::outstanding)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(qty("10"), qty("2.5"));
        assertThat(order.lines()).noneMatch(PurchaseOrderLine::isFullyReceived);
    }

    @Test
    void anOrderNeedsLinesOnePerSkuOfPositiveQuantitiesInTheUnitOfProductsThatTakeStock() {
        assertInvalid(() -> order(false), "lines");
        assertInvalid(() -> order(false, new OrderedQuantity(bolt, qty("1")), new OrderedQuantity(bolt, qty("2"))),
                "lines/1/sku");
        assertInvalid(() -> order(false, new OrderedQuantity(bolt, qty("0"))), "lines/0/quantity");
        assertThatExceptionOfType(QuantityPrecisionException.class)
                .isThrownBy(() -> order(false, new OrderedQuantity(bolt, qty("1.5"))))
                .satisfies(e -> assertThat(e.fieldViolations()).extracting(FieldViolation::field)
                        .containsExactly("lines/0/quantity"));
        Product archived = product("OLD-1", EA);
        archived.archive();
        assertThatExceptionOfType(ProductArchivedException.class)
                .isThrownBy(() -> order(false, new OrderedQuantity(archived, qty("1"))));
    }

    @Test
    void aDeliveryIsCheckedAgainstTheOrderAndSortedBySku() {
        PurchaseOrder order = order(false, new OrderedQuantity(nut, qty("5")), new OrderedQuantity(bolt, qty("10")));

        List<Arrival> arrivals = order.arrivalsOf(List.of(delivered(nut, "5"), delivered(bolt, "3")));

        assertThat(arrivals).extracting(Arrival::sku).containsExactly("BOLT-1", "NUT-M8");
        assertInvalid(() -> order.arrivalsOf(List.of()), "lines");
        assertInvalid(() -> order.arrivalsOf(List.of(delivered(bolt, "1"), delivered(cable, "1"))), "lines/1/sku");
        assertInvalid(() -> order.arrivalsOf(List.of(delivered(bolt, "1"), delivered(bolt, "1"))), "lines/1/sku");
        assertInvalid(() -> order.arrivalsOf(List.of(delivered(bolt, "-1"))), "lines/0/quantity");
        assertThatExceptionOfType(QuantityPrecisionException.class)
                .isThrownBy(() -> order.arrivalsOf(List.of(delivered(bolt, "0.5"))));
    }

    @Test
    void moreThanIsOutstandingIsOverReceiptWithTheFigures() {
        PurchaseOrder order = order(false, new OrderedQuantity(bolt, qty("10")));
        receive(order, delivered(bolt, "6"));

        assertThatExceptionOfType(OverReceiptException.class)
                .isThrownBy(() -> order.arrivalsOf(List.of(delivered(bolt, "5"))))
                .satisfies(e -> assertThat(e.facts()).containsEntry("sku", "BOLT-1")
                        .containsEntry("ordered", qty("10")).containsEntry("received", qty("6"))
                        .containsEntry("outstanding", qty("4")).containsEntry("delivered", qty("5")));
        assertThat(order.lines().getFirst().quantityReceived()).isEqualByComparingTo("6");
    }

    @Test
    void anOrderThatAllowsOverReceiptTakesMore() {
        PurchaseOrder order = order(true, new OrderedQuantity(bolt, qty("10")));

        receive(order, delivered(bolt, "12"));

        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
        assertThat(order.lines().getFirst().quantityReceived()).isEqualByComparingTo("12");
        assertThat(order.lines().getFirst().outstanding()).isEqualByComparingTo("0");
    }

    @Test
    void theOrderIsReceivedWhenEveryLineHasArrivedInFullAndThenTakesNoMore() {
        PurchaseOrder order = order(false, new OrderedQuantity(bolt, qty("10")), new OrderedQuantity(cable, qty("2.5")));

        PurchaseReceipt first = receive(order, delivered(bolt, "10"), delivered(cable, "1.25"));
        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.OPEN);
        assertThat(first.lines()).extracting(line -> line.movement().product().sku())
                .containsExactly("BOLT-1", "CABLE-3");
        assertThat(first.location()).isSameAs(DOCK);

        receive(order, delivered(cable, "1.25"));
        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
        assertThatExceptionOfType(PurchaseOrderClosedException.class)
                .isThrownBy(() -> order.arrivalsOf(List.of(delivered(bolt, "1"))))
                .satisfies(e -> assertThat(e.facts()).containsEntry("status", "RECEIVED"));
    }

    @Test
    void aMovementThatIsNotTheArrivalIsNotTakenForIt() {
        PurchaseOrder order = order(false, new OrderedQuantity(bolt, qty("10")));
        List<Arrival> arrivals = order.arrivalsOf(List.of(delivered(bolt, "4")));
        Map<Arrival, StockMovement> wrong = Map.of(arrivals.getFirst(),
                StockMovement.receipt(bolt, DOCK, qty("5"), null, order.number(), "clerk"));

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> order.receive(DOCK, wrong, "clerk", null));
        assertThat(order.lines().getFirst().quantityReceived()).isEqualByComparingTo("0");
    }

    @Test
    void cancelClosesTheOutstandingRestAndKeepsWhatArrived() {
        PurchaseOrder order = order(false, new OrderedQuantity(bolt, qty("10")));
        receive(order, delivered(bolt, "3"));

        order.cancel();

        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.CANCELLED);
        assertThat(order.lines().getFirst().quantityReceived()).isEqualByComparingTo("3");
        assertThat(order.lines().getFirst().outstanding()).isEqualByComparingTo("0");
        assertThatExceptionOfType(PurchaseOrderClosedException.class).isThrownBy(order::cancel);
        assertThatExceptionOfType(PurchaseOrderClosedException.class)
                .isThrownBy(() -> order.arrivalsOf(List.of(delivered(bolt, "1"))));
    }

    // --- helpers ---

    private static PurchaseOrder order(boolean allowOverReceipt, OrderedQuantity... lines) {
        return new PurchaseOrder(PurchaseOrderNumber.of("PO-1011"), "Acme Fasteners", allowOverReceipt, null, null,
                "manager", List.of(lines));
    }

    /** Receives a delivery as the service does: checked, each arrival recorded as its RECEIVE, then taken in. */
    private static PurchaseReceipt receive(PurchaseOrder order, DeliveredQuantity... delivered) {
        Map<Arrival, StockMovement> recorded = new LinkedHashMap<>();
        for (Arrival arrival : order.arrivalsOf(List.of(delivered))) {
            recorded.put(arrival, StockMovement.receipt(arrival.line().product(), DOCK, arrival.quantity(), null,
                    order.number(), "clerk"));
        }
        return order.receive(DOCK, recorded, "clerk", "DN-1");
    }

    private static DeliveredQuantity delivered(Product product, String quantity) {
        return new DeliveredQuantity(product.sku(), qty(quantity));
    }

    private static Product product(String sku, UnitOfMeasure unit) {
        return new Product(Sku.of(sku), ProductDetails.of("Test " + sku, null, unit.code(), null, BigDecimal.ZERO), unit);
    }

    private static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }

    private static void assertInvalid(Runnable action, String field) {
        assertThatExceptionOfType(InvalidPurchaseOrderException.class)
                .isThrownBy(action::run)
                .satisfies(e -> assertThat(e.fieldViolations()).extracting(FieldViolation::field).containsExactly(field));
    }
}
