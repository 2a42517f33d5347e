package org.stockroom.movement;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockroom.location.Location;
import org.stockroom.location.LocationCode;
import org.stockroom.product.Product;
import org.stockroom.product.ProductArchivedException;
import org.stockroom.product.ProductDetails;
import org.stockroom.product.QuantityPrecisionException;
import org.stockroom.product.Sku;
import org.stockroom.unit.UnitOfMeasure;
import org.stockroom.rules.RuleViolation.FieldViolation;
import org.stockroom.stock.Quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;

/** The movement factories, with no container: each accepts its type's shape and refuses any other. */
class StockMovementTest {

    private static final UnitOfMeasure EA = UnitOfMeasure.of("EA", "each", 0);

    private static final Location MAIN = new Location(LocationCode.of("MAIN"), "Main store");
    private static final Location SHOP = new Location(LocationCode.of("SHOP"), "Shop floor");
    private static final String CLERK = "clerk";

    private static Product bolt() {
        return new Product(Sku.of("BOLT-1"), ProductDetails.of("Hex bolt", null, null, null, BigDecimal.ZERO), EA);
    }

    private static Product archivedBolt() {
        Product product = bolt();
        product.archive();
        return product;
    }

    @Nested
    class Receipt {

        @Test
        void givenQuantityAndDestination_whenMade_thenStockArrivesThereOnly() {
            StockMovement receipt = StockMovement.receipt(bolt(), MAIN, BigDecimal.valueOf(5), null, "PO-7", CLERK);

            assertThat(receipt.type()).isEqualTo(MovementType.RECEIVE);
            assertThat(receipt.source()).isEmpty();
            assertThat(receipt.destination()).containsSame(MAIN);
            assertThat(receipt.moved()).isEqualTo(Quantity.of(5));
            assertThat(receipt.reference()).isEqualTo("PO-7");
            assertThat(receipt.recordedBy()).isEqualTo(CLERK);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void givenNonPositiveQuantity_whenMade_thenQuantityIsRefused(int quantity) {
            assertThatExceptionOfType(InvalidMovementException.class)
                    .isThrownBy(() -> StockMovement.receipt(bolt(), MAIN, BigDecimal.valueOf(quantity), null, null, CLERK))
                    .satisfies(refused -> assertThat(refused.fieldViolations())
                            .containsExactly(new FieldViolation("quantity", "must be greater than 0 for RECEIVE")));
        }

        @Test
        void givenNoDestination_whenMade_thenToIsRequired() {
            assertThatExceptionOfType(InvalidMovementException.class)
                    .isThrownBy(() -> StockMovement.receipt(bolt(), null, BigDecimal.valueOf(5), null, null, CLERK))
                    .satisfies(refused -> assertThat(refused.fieldViolations()).extracting(FieldViolation::field)
                            .containsExactly("to"));
        }

        @Test
        void givenAnArchivedProduct_whenMade_thenItIsRefused() {
            assertThatExceptionOfType(ProductArchivedException.class)
                    .isThrownBy(() -> StockMovement.receipt(archivedBolt(), MAIN, BigDecimal.valueOf(5), null, null, CLERK))
                    .withMessage("Product 'BOLT-1' is archived and takes no new stock");
        }

        @Test
        void givenAnArchivedProductAndAWrongShape_whenMade_thenTheShapeIsNamedFirst() {
            assertThatExceptionOfType(InvalidMovementException.class)
                    .isThrownBy(() -> StockMovement.receipt(archivedBolt(), MAIN, BigDecimal.ZERO, null, null, CLERK));
        }

        @Test
        void givenNoUser_whenMade_thenItIsRefused() {
            assertThatNullPointerException().isThrownBy(() -> StockMovement.receipt(bolt(), MAIN, BigDecimal.valueOf(5), null, null, null));
        }
    }

    @Nested
    class Issue {

        @Test
        void givenQuantityAndSource_whenMade_thenStockLeavesThereOnly() {
            StockMovement issue = StockMovement.issue(bolt(), MAIN, BigDecimal.valueOf(3), null, null, CLERK);

            assertThat(issue.source()).containsSame(MAIN);
            assertThat(issue.destination()).isEmpty();
            assertThat(issue.moved()).isEqualTo(Quantity.of(3));
        }

        @Test
        void givenAnArchivedProduct_whenMade_thenItMayStillLeave() {
            assertThat(StockMovement.issue(archivedBolt(), MAIN, BigDecimal.valueOf(3), null, null, CLERK).source()).containsSame(MAIN);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -7})
        void givenNonPositiveQuantity_whenMade_thenQuantityIsRefused(int quantity) {
            assertThatExceptionOfType(InvalidMovementException.class)
                    .isThrownBy(() -> StockMovement.issue(bolt(), MAIN, BigDecimal.valueOf(quantity), null, null, CLERK))
                    .satisfies(refused -> assertThat(refused.fieldViolations())
                            .containsExactly(new FieldViolation("quantity", "must be greater than 0 for ISSUE")));
        }

        @Test
        void givenNoSource_whenMade_thenFromIsRequired() {
            assertThatExceptionOfType(InvalidMovementException.class)
                    .isThrownBy(() -> StockMovement.issue(bolt(), null, BigDecimal.valueOf(3), null, null, CLERK))
                    .satisfies(refused -> assertThat(refused.fieldViolations()).extracting(FieldViolation::field)
                            .containsExactly("from"));
        }
    }

    @Nested
    class Transfer {

        @Test
        void givenTwoLocations_whenMade_thenStockLeavesOneForTheOther() {
            StockMovement transfer = StockMovement.transfer(archivedBolt(), MAIN, SHOP, BigDecimal.valueOf(4), null, null, CLERK);

            assertThat(transfer.source()).containsSame(MAIN);
            assertThat(transfer.destination()).containsSame(SHOP);
            assertThat(transfer.moved()).isEqualTo(Quantity.of(4));
        }

        @Test
        void givenTheSameLocationTwice_whenMade_thenToMustDiffer() {
            assertThatExceptionOfType(InvalidMovementException.class)
                    .isThrownBy(() -> StockMovement.transfer(bolt(), MAIN, MAIN, BigDecimal.valueOf(4), null, null, CLERK))
                    .satisfies(refused -> assertThat(refused.fieldViolations())
                            .containsExactly(new FieldViolation("to", "must differ from 'from'")));
        }

        @Test
        void givenNeitherLocationNorQuantity_whenMade_thenEachIsNamedOnce() {
            assertThatExceptionOfType(InvalidMovementException.class)
                    .isThrownBy(() -> StockMovement.transfer(bolt(), null, null, BigDecimal.ZERO, null, null, CLERK))
                    .satisfies(refused -> assertThat(refused.fieldViolations()).extracting(FieldViolation::field)
                            .containsExactly("quantity", "from", "to"));
        }
    }

    @Nested
    class Adjustment {

        @Test
        void givenAPositiveCountAtTo_whenMade_thenStockArrivesThere() {
            StockMovement adjustment = StockMovement.adjustment(bolt(), null, MAIN, BigDecimal.valueOf(4), "found a box", null, CLERK);

            assertThat(adjustment.source()).isEmpty();
            assertThat(adjustment.destination()).containsSame(MAIN);
            assertThat(adjustment.moved()).isEqualTo(Quantity.of(4));
            assertThat(adjustment.to()).isSameAs(MAIN);
        }

        @Test
        void givenANegativeCountAtFrom_whenMade_thenStockLeavesThereAndStaysInFrom() {
            StockMovement adjustment = StockMovement.adjustment(bolt(), MAIN, null, BigDecimal.valueOf(-2), "damaged", null, CLERK);

            assertThat(adjustment.source()).containsSame(MAIN);
            assertThat(adjustment.destination()).isEmpty();
            assertThat(adjustment.moved()).isEqualTo(Quantity.of(2));
            assertThat(adjustment.from()).isSameAs(MAIN);
            assertThat(adjustment.quantity()).isEqualByComparingTo("-2");
        }

        @Test
        void givenAnArchivedProduct_whenAddingStock_thenItIsRefused() {
            assertThatExceptionOfType(ProductArchivedException.class)
                    .isThrownBy(() -> StockMovement.adjustment(archivedBolt(), null, MAIN, BigDecimal.valueOf(1), "count", null, CLERK));
        }

        @Test
        void givenAnArchivedProduct_whenTakingStockOut_thenItIsAccepted() {
            assertThat(StockMovement.adjustment(archivedBolt(), null, MAIN, BigDecimal.valueOf(-1), "count", null, CLERK).source())
                    .containsSame(MAIN);
        }

        @Test
        void givenZeroBothLocationsAndNoReason_whenMade_thenEachFieldIsNamedOnce() {
            assertThatExceptionOfType(InvalidMovementException.class)
                    .isThrownBy(() -> StockMovement.adjustment(bolt(), MAIN, SHOP, BigDecimal.ZERO, " ", null, CLERK))
                    .satisfies(refused -> assertThat(refused.fieldViolations()).extracting(FieldViolation::field)
                            .containsExactly("quantity", "to", "reason"));
        }

        @Test
        void givenNoLocation_whenMade_thenExactlyOneIsAskedFor() {
            assertThatExceptionOfType(InvalidMovementException.class)
                    .isThrownBy(() -> StockMovement.adjustment(bolt(), null, null, BigDecimal.valueOf(3), "count", null, CLERK))
                    .withMessageContaining("exactly one location");
        }
    }

    @Nested
    class Quantities {

        private final UnitOfMeasure metre = UnitOfMeasure.of("M", "metre", 3);

        private Product cable() {
            return new Product(Sku.of("CABLE-1"), ProductDetails.of("Cable", null, "m", null, null), metre);
        }

        @Test
        void givenAFractionOfAProductCountedInMetres_whenMoved_thenItMovesExactly() {
            StockMovement issue = StockMovement.issue(cable(), MAIN, new BigDecimal("2.75"), null, null, CLERK);

            assertThat(issue.moved()).isEqualTo(Quantity.of(new BigDecimal("2.75")));
        }

        @Test
        void givenAFractionOfAProductCountedInWholeUnits_whenMoved_thenTheQuantityIsRefusedAsTooPrecise() {
            assertThatExceptionOfType(QuantityPrecisionException.class)
                    .isThrownBy(() -> StockMovement.receipt(bolt(), MAIN, new BigDecimal("1.5"), null, null, CLERK))
                    .withMessage("quantity 1.5 is finer than BOLT-1 is counted in: whole EA")
                    .satisfies(refused -> assertThat(refused.fieldViolations()).containsExactly(
                            new FieldViolation("quantity", "must have at most 0 decimal places for EA")));
        }

        @Test
        void givenMoreDecimalPlacesThanTheUnit_whenAdjusted_thenTheQuantityIsRefused() {
            assertThatExceptionOfType(QuantityPrecisionException.class)
                    .isThrownBy(() -> StockMovement.adjustment(cable(), null, MAIN, new BigDecimal("-0.0005"), "count",
                            null, CLERK))
                    .withMessageContaining("m to 3 decimal places");
        }

        @Test
        void givenTrailingZeros_whenMoved_thenOnlyTheDecimalPlacesThatCountAreChecked() {
            StockMovement receipt = StockMovement.receipt(bolt(), MAIN, new BigDecimal("4.000"), null, null, CLERK);

            assertThat(receipt.moved().value()).isEqualByComparingTo("4");
        }
    }
}
