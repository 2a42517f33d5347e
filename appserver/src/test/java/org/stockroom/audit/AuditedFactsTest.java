package org.stockroom.audit;

import org.junit.jupiter.api.Test;
import org.stockroom.location.Location;
import org.stockroom.lot.Lot;
import org.stockroom.lot.LotNumber;
import org.stockroom.lot.LotQuantity;
import org.stockroom.location.LocationCode;
import org.stockroom.movement.StockMovement;
import org.stockroom.product.Product;
import org.stockroom.product.ProductDetails;
import org.stockroom.product.Sku;
import org.stockroom.unit.UnitOfMeasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

/** What the audit trail keeps of each fact, with no container. */
class AuditedFactsTest {

    private static final UnitOfMeasure EA = UnitOfMeasure.of("EA", "each", 0);

    @Test
    void givenARevision_whenComparedForTheAuditTrail_thenOnlyTheChangedFieldsAreListedBeforeAndAfter() {
        ProductDetails before = new ProductDetails("Hex bolt", null, "EA", "Fasteners", BigDecimal.valueOf(5));
        ProductDetails after = new ProductDetails("Hex bolt", "Zinc plated", "EA", null, BigDecimal.valueOf(8));

        assertThat(AuditedFacts.changes(before, after).toString()).isEqualTo(
                "{\"before\":{\"description\":null,\"category\":\"Fasteners\",\"reorderPoint\":5},"
                        + "\"after\":{\"description\":\"Zinc plated\",\"category\":null,\"reorderPoint\":8}}");
        assertThat(AuditedFacts.changes(before, before).toString()).isEqualTo("{\"before\":{},\"after\":{}}");
    }

    @Test
    void givenNewDetails_whenWrittenForTheAuditTrail_thenEveryFieldIsThereNullsIncluded() {
        assertThat(AuditedFacts.detailsOf(new ProductDetails("Hex bolt", null, "EA", null, BigDecimal.ZERO)).toString()).isEqualTo(
                "{\"name\":\"Hex bolt\",\"description\":null,\"unitOfMeasure\":\"EA\",\"category\":null,\"reorderPoint\":0}");
    }


    @Test
    void givenATransfer_whenWrittenForTheAuditTrail_thenItIsThereByCodesWithoutAbsentFields() {
        Product bolt = new Product(Sku.of("BOLT-1"), ProductDetails.of("Hex bolt", null, null, null, BigDecimal.ZERO), EA);
        StockMovement transfer = StockMovement.transfer(bolt, new Location(LocationCode.of("MAIN"), "Main"),
                new Location(LocationCode.of("SHOP"), "Shop"), BigDecimal.valueOf(4), null, "T-9", "clerk");

        assertThat(AuditedFacts.detailsOf(transfer).toString()).isEqualTo(
                "{\"type\":\"TRANSFER\",\"sku\":\"BOLT-1\",\"quantity\":4,\"from\":\"MAIN\",\"to\":\"SHOP\","
                        + "\"reference\":\"T-9\"}");
    }

    @Test
    void givenAPurchaseOrderAndADelivery_whenWrittenForTheAuditTrail_thenTheyAreThereBySkuWithTheMovements() {
        Product bolt = new Product(Sku.of("BOLT-1"), ProductDetails.of("Hex bolt", null, null, null, BigDecimal.ZERO), EA);
        org.stockroom.purchasing.PurchaseOrder order = new org.stockroom.purchasing.PurchaseOrder(
                org.stockroom.purchasing.PurchaseOrderNumber.of("PO-1"), "Acme", false, java.time.LocalDate.of(2026, 12, 15),
                null, "manager", java.util.List.of(new org.stockroom.purchasing.OrderedQuantity(bolt, BigDecimal.TEN)));
        Location main = new Location(LocationCode.of("MAIN"), "Main");
        var arrivals = order.arrivalsOf(java.util.List.of(
                new org.stockroom.purchasing.DeliveredQuantity("BOLT-1", BigDecimal.TEN)));
        var receipt = order.receive(main, java.util.Map.of(arrivals.getFirst(),
                StockMovement.receipt(bolt, main, BigDecimal.TEN, null, "PO-1", "clerk")), "clerk", null);

        assertThat(AuditedFacts.detailsOf(order).toString()).isEqualTo("{\"supplier\":\"Acme\",\"allowOverReceipt\":false,"
                + "\"expectedOn\":\"2026-12-15\",\"lines\":[{\"sku\":\"BOLT-1\",\"quantity\":10}]}");
        // Not yet stored: neither the receipt nor its movement has an id.
        assertThat(receipt.lines()).hasSize(1);
        assertThat(order.status()).isEqualTo(org.stockroom.purchasing.PurchaseOrderStatus.RECEIVED);
    }

    @Test
    void givenALotTrackedIssue_whenWrittenForTheAuditTrail_thenItsLotsAreThereFirstExpiryFirst() {
        Product milk = new Product(Sku.of("MILK-1"), ProductDetails.of("Milk", null, null, null, null, true), EA);
        StockMovement issue = StockMovement.issue(milk, new Location(LocationCode.of("MAIN"), "Main"),
                BigDecimal.valueOf(7), null, null, "clerk");
        issue.recordLots(java.util.List.of(
                new LotQuantity(Lot.of(milk, new LotNumber("L1"), java.time.LocalDate.of(2027, 1, 31)), BigDecimal.valueOf(5)),
                new LotQuantity(Lot.of(milk, new LotNumber("L2"), null), BigDecimal.valueOf(2))));

        assertThat(AuditedFacts.detailsOf(issue).toString()).isEqualTo(
                "{\"type\":\"ISSUE\",\"sku\":\"MILK-1\",\"quantity\":7,\"from\":\"MAIN\",\"lots\":["
                        + "{\"lot\":\"L1\",\"expiresOn\":\"2027-01-31\",\"quantity\":5},"
                        + "{\"lot\":\"L2\",\"quantity\":2}]}");
    }

    @Test
    void givenALotTrackedProduct_whenWrittenForTheAuditTrail_thenItsTrackingIsThere() {
        assertThat(AuditedFacts.detailsOf(new ProductDetails("Milk", null, "EA", null, BigDecimal.ZERO, true)).toString())
                .endsWith(",\"reorderPoint\":0,\"lotTracked\":true}");
    }
}
