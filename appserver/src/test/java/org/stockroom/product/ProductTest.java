package org.stockroom.product;

import org.stockroom.unit.UnitOfMeasure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ProductTest {

    private static final UnitOfMeasure EA = UnitOfMeasure.of("EA", "each", 0);

    private static final ProductDetails BOLT = ProductDetails.of("Hex bolt", "Zinc plated", "BOX", "Fasteners", BigDecimal.valueOf(5));

    @Test
    void givenSkuAndDetails_whenCreated_thenItHoldsThemAndIsActive() {
        Product product = new Product(Sku.of("BOLT-1"), BOLT, EA);

        assertThat(product.sku()).isEqualTo("BOLT-1");
        assertThat(product.name()).isEqualTo("Hex bolt");
        assertThat(product.description()).isEqualTo("Zinc plated");
        assertThat(product.unitOfMeasure()).isEqualTo("BOX");
        assertThat(product.category()).isEqualTo("Fasteners");
        assertThat(product.reorderPoint()).isEqualByComparingTo("5");
        assertThat(product.isArchived()).isFalse();
        assertThat(product.createdAt()).isNotNull();
        assertThat(product.updatedAt()).isAfterOrEqualTo(product.createdAt());
    }

    @Test
    void givenOnlyAName_whenCreated_thenItCountsInEachesAndNeverNeedsReordering() {
        Product product = new Product(Sku.of("NUT-1"), ProductDetails.of("Nut", null, null, null, null), EA);

        assertThat(product.unitOfMeasure()).isEqualTo("EA");
        assertThat(product.reorderPoint()).isZero();
        assertThat(product.description()).isNull();
        assertThat(product.category()).isNull();
        assertThat(product.isBelowReorderPoint(BigDecimal.ZERO)).isFalse();
    }

    @Test
    void givenNoSku_whenCreated_thenItIsRefused() {
        assertThatNullPointerException().isThrownBy(() -> new Product(null, BOLT, EA)).withMessage("sku");
    }

    @ParameterizedTest
    @CsvSource({"0, true", "4, true", "5, false", "6, false"})
    void givenReorderPointFive_whenCheckingOnHand_thenOnlyStrictlyLessIsBelow(long onHand, boolean below) {
        Product product = new Product(Sku.of("BOLT-1"), BOLT, EA);

        assertThat(product.isBelowReorderPoint(BigDecimal.valueOf(onHand))).isEqualTo(below);
    }

    @Test
    void givenAProduct_whenRevised_thenEveryDetailIsReplacedButTheSkuAndCreationStay() {
        Product product = new Product(Sku.of("BOLT-1"), BOLT, EA);
        Instant created = product.createdAt();
        waitForTheClockToPass(product.updatedAt());

        product.revise(ProductDetails.of("Hex bolt M8", null, null, null, null), EA);

        assertThat(product.sku()).isEqualTo("BOLT-1");
        assertThat(product.name()).isEqualTo("Hex bolt M8");
        assertThat(product.description()).isNull();
        assertThat(product.unitOfMeasure()).isEqualTo("EA");
        assertThat(product.category()).isNull();
        assertThat(product.reorderPoint()).isZero();
        assertThat(product.createdAt()).isEqualTo(created);
        assertThat(product.updatedAt()).isAfter(created);
    }

    @Test
    void givenAnActiveProduct_whenArchived_thenItIsArchivedAndUpdated() {
        Product product = new Product(Sku.of("BOLT-1"), BOLT, EA);
        Instant created = product.createdAt();
        waitForTheClockToPass(created);

        product.archive();

        assertThat(product.isArchived()).isTrue();
        assertThat(product.updatedAt()).isAfter(created);
    }

    @Test
    void givenAnArchivedProduct_whenArchivedAgain_thenNothingChanges() {
        Product product = new Product(Sku.of("BOLT-1"), BOLT, EA);
        product.archive();
        Instant archivedAt = product.updatedAt();
        waitForTheClockToPass(archivedAt);

        product.archive();

        assertThat(product.isArchived()).isTrue();
        assertThat(product.updatedAt()).isEqualTo(archivedAt);
    }

    /** Timestamps have microsecond precision: make sure the next one can differ. */
    private static void waitForTheClockToPass(Instant instant) {
        while (!Instant.now().truncatedTo(ChronoUnit.MICROS).isAfter(instant)) {
            Thread.onSpinWait();
        }
    }

    @Test
    void givenAnActiveProduct_whenStockArrives_thenItIsAccepted() {
        Product product = new Product(Sku.of("BOLT-1"), BOLT, EA);

        product.requireAcceptsStock();

        assertThat(product.isArchived()).isFalse();
    }

    @Test
    void givenAnArchivedProduct_whenStockArrives_thenItIsRefusedByName() {
        Product product = new Product(Sku.of("BOLT-1"), BOLT, EA);
        product.archive();

        org.assertj.core.api.Assertions.assertThatExceptionOfType(ProductArchivedException.class)
                .isThrownBy(product::requireAcceptsStock)
                .withMessage("Product 'BOLT-1' is archived and takes no new stock")
                .satisfies(refused -> assertThat(refused.rule())
                        .isEqualTo(org.stockroom.rules.RuleViolation.Rule.PRODUCT_ARCHIVED));
    }

    @Test
    void givenANewProduct_whenArchiving_thenNoStockOnHandStandsInTheWay() {
        Product product = new Product(Sku.of("BOLT-1"), BOLT, EA);

        product.requireNoStockOnHand();
        product.archive();

        assertThat(product.isArchived()).isTrue();
    }

    @Test
    void givenAUnitWithDecimalPlaces_whenShowingQuantities_thenTheyAreWrittenInItsPlaces() {
        Product cable = new Product(Sku.of("CABLE-1"), ProductDetails.of("Cable", null, "M", null, new BigDecimal("2.5")),
                UnitOfMeasure.of("M", "metre", 3));

        assertThat(cable.decimalPlaces()).isEqualTo(3);
        assertThat(cable.inItsUnit(new BigDecimal("12.5"))).hasToString("12.500");
        assertThat(cable.inItsUnit(new BigDecimal("12.000000"))).hasToString("12.000");
        assertThat(new Product(Sku.of("BOLT-1"), BOLT, EA).inItsUnit(new BigDecimal("7.000000"))).hasToString("7");
    }

    @Test
    void givenAReorderPointFinerThanTheUnit_whenCreated_thenItIsRefused() {
        org.assertj.core.api.Assertions.assertThatExceptionOfType(QuantityPrecisionException.class)
                .isThrownBy(() -> new Product(Sku.of("BOLT-1"),
                        ProductDetails.of("Bolt", null, "EA", null, new BigDecimal("2.5")), EA))
                .satisfies(refused -> assertThat(refused.fieldViolations().getFirst().field()).isEqualTo("reorderPoint"));
    }

    @Test
    void givenAProductCountedInWholeUnits_whenCheckingQuantities_thenOnlyWholeOnesAreCountable() {
        Product bolt = new Product(Sku.of("BOLT-1"), BOLT, EA);

        bolt.requireCountable("quantity", new BigDecimal("3.000"));
        org.assertj.core.api.Assertions.assertThatExceptionOfType(QuantityPrecisionException.class)
                .isThrownBy(() -> bolt.requireCountable("quantity", new BigDecimal("3.001")));
    }

    @Test
    void givenLotTrackingAsked_whenCreated_thenItIsLotTrackedElseNot() {
        assertThat(new Product(Sku.of("MILK-1"), ProductDetails.of("Milk", null, null, null, null, true), EA)
                .isLotTracked()).isTrue();
        assertThat(new Product(Sku.of("BOLT-1"), BOLT, EA).isLotTracked()).isFalse();
    }

    @Test
    void givenAnEditThatLeavesLotTrackingOut_whenRevised_thenItStaysAndOtherwiseItSwitchesWithoutStock() {
        Product milk = new Product(Sku.of("MILK-1"), ProductDetails.of("Milk", null, null, null, null, true), EA);

        milk.revise(ProductDetails.of("Whole milk", null, null, null, null), EA);
        assertThat(milk.isLotTracked()).isTrue();
        assertThat(milk.details().lotTracked()).isTrue();

        milk.revise(ProductDetails.of("Whole milk", null, null, null, null, false), EA);
        assertThat(milk.isLotTracked()).isFalse();
    }
}
