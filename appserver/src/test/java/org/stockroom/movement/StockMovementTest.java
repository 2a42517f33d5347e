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
import org.stockroom.product.Sku;
import org.stockroom.rules.RuleViolation.FieldViolation;
import org.stockroom.stock.Quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** The movement factories, with no container: each accepts its type's shape and refuses any other. */
class StockMovementTest {

    private static final Location MAIN = new Location(LocationCode.of("MAIN"), "Main store");
    private static final Location SHOP = new Location(LocationCode.of("SHOP"), "Shop floor");
    private static final String CLERK = "clerk";

    private static Product bolt() {
        return new Product(Sku.of("BOLT-1"), ProductDetails.of("Hex bolt", null, null, null, 0));
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
            StockMovement receipt = StockMovement.receipt(bolt(), MAIN, 5, null, "PO-7", CLERK);

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
                    .isThrownBy(() -> StockMovement.receipt(bolt(), MAIN, quantity, null, null, CLERK))
                    .satisfies(refused -> assertThat(refused.fieldViolations())
                            .containsExactly(new FieldViolation("quantity", "must be greater than 0 for RECEIVE")));
        }

        @Test
        void givenNoDestination_whenMade_thenToIsRequired() {
            assertThatExceptionOfType(InvalidMovementException.class)
                    .isThrownBy(() -> StockMovement.receipt(bolt(), null, 5, null, null, CLERK))
                    .satisfies(refused -> assertThat(refused.fieldViolations()).extracting(FieldViolation::field)
                            .containsExactly("to"));
        }

        @Test
        void givenAnArchivedProduct_whenMade_thenItIsRefused() {
            assertThatExceptionOfType(ProductArchivedException.class)
                    .isThrownBy(() -> StockMovement.receipt(archivedBolt(), MAIN, 5, null, null, CLERK))
                    .withMessage("Product 'BOLT-1' is archived and takes no new stock");
        }

        @Test
        void givenAnArchivedProductAndAWrongShape_whenMade_thenTheShapeIsNamedFirst() {
            assertThatExceptionOfType(InvalidMovementException.class)
                    .isThrownBy(() -> StockMovement.receipt(archivedBolt(), MAIN, 0, null, null, CLERK));
        }

        @Test
        void givenNoUser_whenMade_thenItIsRefused() {
            assertThatNullPointerException().isThrownBy(() -> StockMovement.receipt(bolt(), MAIN, 5, null, null, null));
        }
    }

    @Nested
    class Issue {

        @Test
        void givenQuantityAndSource_whenMade_thenStockLeavesThereOnly() {
            StockMovement issue = StockMovement.issue(bolt(), MAIN, 3, null, null, CLERK);

            assertThat(issue.source()).containsSame(MAIN);
            assertThat(issue.destination()).isEmpty();
            assertThat(issue.moved()).isEqualTo(Quantity.of(3));
        }

        @Test
        void givenAnArchivedProduct_whenMade_thenItMayStillLeave() {
            assertThat(StockMovement.issue(archivedBolt(), MAIN, 3, null, null, CLERK).source()).containsSame(MAIN);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -7})
        void givenNonPositiveQuantity_whenMade_thenQuantityIsRefused(int quantity) {
            assertThatExceptionOfType(InvalidMovementException.class)
                    .isThrownBy(() -> StockMovement.issue(bolt(), MAIN, quantity, null, null, CLERK))
                    .satisfies(refused -> assertThat(refused.fieldViolations())
                            .containsExactly(new FieldViolation("quantity", "must be greater than 0 for ISSUE")));
        }

        @Test
        void givenNoSource_whenMade_thenFromIsRequired() {
            assertThatExceptionOfType(InvalidMovementException.class)
                    .isThrownBy(() -> StockMovement.issue(bolt(), null, 3, null, null, CLERK))
                    .satisfies(refused -> assertThat(refused.fieldViolations()).extracting(FieldViolation::field)
                            .containsExactly("from"));
        }
    }

    @Nested
    class Transfer {

        @Test
        void givenTwoLocations_whenMade_thenStockLeavesOneForTheOther() {
            StockMovement transfer = StockMovement.transfer(archivedBolt(), MAIN, SHOP, 4, null, null, CLERK);

            assertThat(transfer.source()).containsSame(MAIN);
            assertThat(transfer.destination()).containsSame(SHOP);
            assertThat(transfer.moved()).isEqualTo(Quantity.of(4));
        }

        @Test
        void givenTheSameLocationTwice_whenMade_thenToMustDiffer() {
            assertThatExceptionOfType(InvalidMovementException.class)
                    .isThrownBy(() -> StockMovement.transfer(bolt(), MAIN, MAIN, 4, null, null, CLERK))
                    .satisfies(refused -> assertThat(refused.fieldViolations())
                            .containsExactly(new FieldViolation("to", "must differ from 'from'")));
        }

        @Test
        void givenNeitherLocationNorQuantity_whenMade_thenEachIsNamedOnce() {
            assertThatExceptionOfType(InvalidMovementException.class)
                    .isThrownBy(() -> StockMovement.transfer(bolt(), null, null, 0, null, null, CLERK))
                    .satisfies(refused -> assertThat(refused.fieldViolations()).extracting(FieldViolation::field)
                            .containsExactly("quantity", "from", "to"));
        }
    }

    @Nested
    class Adjustment {

        @Test
        void givenAPositiveCountAtTo_whenMade_thenStockArrivesThere() {
            StockMovement adjustment = StockMovement.adjustment(bolt(), null, MAIN, 4, "found a box", null, CLERK);

            assertThat(adjustment.source()).isEmpty();
            assertThat(adjustment.destination()).containsSame(MAIN);
            assertThat(adjustment.moved()).isEqualTo(Quantity.of(4));
            assertThat(adjustment.to()).isSameAs(MAIN);
        }

        @Test
        void givenANegativeCountAtFrom_whenMade_thenStockLeavesThereAndStaysInFrom() {
            StockMovement adjustment = StockMovement.adjustment(bolt(), MAIN, null, -2, "damaged", null, CLERK);

            assertThat(adjustment.source()).containsSame(MAIN);
            assertThat(adjustment.destination()).isEmpty();
            assertThat(adjustment.moved()).isEqualTo(Quantity.of(2));
            assertThat(adjustment.from()).isSameAs(MAIN);
            assertThat(adjustment.quantity()).isEqualTo(-2);
        }

        @Test
        void givenAnArchivedProduct_whenAddingStock_thenItIsRefused() {
            assertThatExceptionOfType(ProductArchivedException.class)
                    .isThrownBy(() -> StockMovement.adjustment(archivedBolt(), null, MAIN, 1, "count", null, CLERK));
        }

        @Test
        void givenAnArchivedProduct_whenTakingStockOut_thenItIsAccepted() {
            assertThat(StockMovement.adjustment(archivedBolt(), null, MAIN, -1, "count", null, CLERK).source())
                    .containsSame(MAIN);
        }

        @Test
        void givenZeroBothLocationsAndNoReason_whenMade_thenEachFieldIsNamedOnce() {
            assertThatExceptionOfType(InvalidMovementException.class)
                    .isThrownBy(() -> StockMovement.adjustment(bolt(), MAIN, SHOP, 0, " ", null, CLERK))
                    .satisfies(refused -> assertThat(refused.fieldViolations()).extracting(FieldViolation::field)
                            .containsExactly("quantity", "to", "reason"));
        }

        @Test
        void givenNoLocation_whenMade_thenExactlyOneIsAskedFor() {
            assertThatExceptionOfType(InvalidMovementException.class)
                    .isThrownBy(() -> StockMovement.adjustment(bolt(), null, null, 3, "count", null, CLERK))
                    .withMessageContaining("exactly one location");
        }
    }
}
