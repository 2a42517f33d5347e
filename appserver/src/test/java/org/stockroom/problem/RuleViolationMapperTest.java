package org.stockroom.problem;

import org.junit.jupiter.api.Test;
import org.stockroom.movement.MovementType;
import org.stockroom.product.ProductArchivedException;
import org.stockroom.product.StockOnHandException;
import org.stockroom.rules.RuleViolation;
import org.stockroom.rules.RuleViolation.FieldViolation;
import org.stockroom.stock.InsufficientStockException;

import java.util.List;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The domain's refusals become the same problems the API answered with before the domain knew no HTTP. */
class RuleViolationMapperTest {

    @Test
    void givenInsufficientStock_whenMapped_thenItIs409WithWhatAndWhereInOrder() {
        ApiException problem = RuleViolationMapper.problemOf(new InsufficientStockException("BOLT-1", "A-01",
                BigDecimal.valueOf(5), BigDecimal.valueOf(6)));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo(ProblemTypes.INSUFFICIENT_STOCK);
        assertThat(problem.title()).isEqualTo("Insufficient stock");
        assertThat(problem.detail()).isEqualTo("Insufficient stock of BOLT-1 at A-01: 5 on hand, 6 requested");
        assertThat(problem.extensions()).containsExactly(
                java.util.Map.entry("sku", "BOLT-1"), java.util.Map.entry("location", "A-01"),
                java.util.Map.entry("onHand", BigDecimal.valueOf(5)), java.util.Map.entry("requested", BigDecimal.valueOf(6)));
    }

    @Test
    void givenAnArchivedProduct_whenMapped_thenItIs409ProductArchived() {
        ApiException problem = RuleViolationMapper.problemOf(new ProductArchivedException("BOLT-1"));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo(ProblemTypes.PRODUCT_ARCHIVED);
        assertThat(problem.title()).isEqualTo("Product archived");
        assertThat(problem.detail()).isEqualTo("Product 'BOLT-1' is archived and takes no new stock");
        assertThat(problem.extensions()).isEmpty();
    }

    @Test
    void givenStockOnHand_whenMapped_thenItIs409WithTheCount() {
        ApiException problem = RuleViolationMapper.problemOf(new StockOnHandException("BOLT-1", BigDecimal.valueOf(3)));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo(ProblemTypes.STOCK_ON_HAND);
        assertThat(problem.title()).isEqualTo("Stock on hand");
        assertThat(problem.detail()).startsWith("Product 'BOLT-1' still has 3 on hand");
        assertThat(problem.extensions()).containsEntry("onHand", BigDecimal.valueOf(3));
    }

    @Test
    void givenAnOverReceipt_whenMapped_thenItIs409WithTheLinesFigures() {
        ApiException problem = RuleViolationMapper.problemOf(new org.stockroom.purchasing.OverReceiptException(
                "PO-1", "BOLT-1", BigDecimal.TEN, BigDecimal.valueOf(6), BigDecimal.valueOf(4), BigDecimal.valueOf(5)));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo(ProblemTypes.OVER_RECEIPT);
        assertThat(problem.detail()).startsWith("Purchase order 'PO-1' expects 4 more of BOLT-1");
        assertThat(problem.extensions()).containsExactly(java.util.Map.entry("sku", "BOLT-1"),
                java.util.Map.entry("ordered", BigDecimal.TEN), java.util.Map.entry("received", BigDecimal.valueOf(6)),
                java.util.Map.entry("outstanding", BigDecimal.valueOf(4)),
                java.util.Map.entry("delivered", BigDecimal.valueOf(5)));
    }

    @Test
    void givenAClosedPurchaseOrder_whenMapped_thenItIs409WithItsStatus() {
        ApiException problem = RuleViolationMapper.problemOf(new org.stockroom.purchasing.PurchaseOrderClosedException(
                "PO-1", org.stockroom.purchasing.PurchaseOrderStatus.CANCELLED));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo(ProblemTypes.PURCHASE_ORDER_CLOSED);
        assertThat(problem.extensions()).containsExactly(java.util.Map.entry("status", "CANCELLED"));
    }

    @Test
    void givenAWrongMovementShape_whenMapped_thenItIs422WithAPointerPerField() {
        RuleViolation refused = new org.stockroom.movement.InvalidMovementException(List.of(
                new FieldViolation("quantity", "must be greater than 0 for " + MovementType.RECEIVE),
                new FieldViolation("to", "is required for RECEIVE: the location receiving the stock")));

        ApiException problem = RuleViolationMapper.problemOf(refused);

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.type()).isEqualTo(ProblemTypes.INVALID_FIELDS);
        assertThat(problem.detail()).isEqualTo("2 fields are invalid");
        assertThat(problem.errors()).containsExactly(
                new FieldError("/quantity", "must be greater than 0 for RECEIVE"),
                new FieldError("/to", "is required for RECEIVE: the location receiving the stock"));
    }

    @Test
    void givenOneWrongField_whenMapped_thenTheDetailNamesIt() {
        ApiException problem = RuleViolationMapper.problemOf(new org.stockroom.movement.InvalidMovementException(
                List.of(new FieldViolation("reason", "is required for ADJUST"))));

        assertThat(problem.detail()).isEqualTo("reason is required for ADJUST");
    }

    @Test
    void givenSomethingUnknown_whenMapped_thenItIs404NamingIt() {
        ApiException problem = RuleViolationMapper.problemOf(new org.stockroom.rules.NotFoundException("product", "BOLT-9"));

        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.type()).isEqualTo(ProblemTypes.NOT_FOUND);
        assertThat(problem.title()).isEqualTo("Not found");
        assertThat(problem.detail()).isEqualTo("No product 'BOLT-9' exists");
    }

    @Test
    void givenATakenIdentifier_whenMapped_thenItIs409AlreadyExists() {
        ApiException problem = RuleViolationMapper.problemOf(
                new org.stockroom.rules.AlreadyExistsException("location", "code", "A-01"));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo(ProblemTypes.ALREADY_EXISTS);
        assertThat(problem.title()).isEqualTo("Already exists");
        assertThat(problem.detail()).isEqualTo("A location with code 'A-01' already exists");
    }

    @Test
    void givenOnlyExpiredStock_whenMapped_thenItIs409ExpiredStockWithTheLotsToName() {
        ApiException problem = RuleViolationMapper.problemOf(new org.stockroom.lot.ExpiredStockException("MILK-1", "A-01",
                BigDecimal.ONE, BigDecimal.valueOf(3), List.of("L0")));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo(ProblemTypes.EXPIRED_STOCK);
        assertThat(problem.title()).isEqualTo("Expired stock");
        assertThat(problem.extensions()).containsEntry("usable", BigDecimal.ONE).containsEntry("expiredLots", List.of("L0"));
    }

    @Test
    void givenAnotherExpiryForALot_whenMapped_thenItIs409LotExpiryMismatch() {
        ApiException problem = RuleViolationMapper.problemOf(new org.stockroom.lot.LotExpiryMismatchException("MILK-1",
                "L1", java.time.LocalDate.of(2027, 1, 31), java.time.LocalDate.of(2027, 2, 1)));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo(ProblemTypes.LOT_EXPIRY_MISMATCH);
        assertThat(problem.extensions()).containsEntry("lot", "L1").containsEntry("expiresOn", "2027-01-31");
    }

    @Test
    void givenTheStocktakeRefusals_whenMapped_thenEachIs409WithItsTypeAndFacts() {
        ApiException closed = RuleViolationMapper.problemOf(new org.stockroom.stocktake.StocktakeClosedException(
                7, org.stockroom.stocktake.StocktakeStatus.POSTED));
        ApiException outside = RuleViolationMapper.problemOf(
                new org.stockroom.stocktake.NotInStocktakeException(7, "NUT-1"));
        ApiException belowZero = RuleViolationMapper.problemOf(new org.stockroom.stocktake.StocktakeBelowZeroException(
                7, "A-01", List.of(new org.stockroom.stocktake.StocktakeBelowZeroException.Shortfall("BOLT-1",
                        new java.math.BigDecimal("2"), new java.math.BigDecimal("10.000000"), new java.math.BigDecimal("5")))));
        ApiException open = RuleViolationMapper.problemOf(
                new org.stockroom.stocktake.StocktakeAlreadyOpenException("A-01", 6));

        assertThat(List.of(closed, outside, belowZero, open)).extracting(ApiException::status).containsOnly(409);
        assertThat(closed.type()).isEqualTo(ProblemTypes.STOCKTAKE_CLOSED);
        assertThat(closed.title()).isEqualTo("Stocktake closed");
        assertThat(closed.detail()).startsWith("Stocktake 7 is already posted");
        assertThat(closed.extensions()).containsExactly(java.util.Map.entry("stocktake", 7L),
                java.util.Map.entry("stocktakeStatus", "POSTED"));
        assertThat(outside.type()).isEqualTo(ProblemTypes.NOT_IN_STOCKTAKE);
        assertThat(outside.extensions()).containsExactly(java.util.Map.entry("sku", "NUT-1"));
        assertThat(belowZero.type()).isEqualTo(ProblemTypes.STOCKTAKE_BELOW_ZERO);
        assertThat(belowZero.title()).isEqualTo("Stocktake below zero");
        assertThat(belowZero.extensions()).containsEntry("sku", "BOLT-1").containsEntry("location", "A-01")
                .containsEntry("expected", new java.math.BigDecimal("10")).containsEntry("skus", List.of("BOLT-1"));
        assertThat(open.type()).isEqualTo(ProblemTypes.ALREADY_EXISTS);
        assertThat(open.extensions()).containsExactly(java.util.Map.entry("stocktake", 6L));
    }
}
