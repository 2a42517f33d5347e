package org.stockroom.stock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockroom.location.Location;
import org.stockroom.location.LocationCode;
import org.stockroom.product.Product;
import org.stockroom.product.ProductDetails;
import org.stockroom.product.Sku;
import org.stockroom.unit.UnitOfMeasure;

import org.stockroom.rules.RuleViolation;

import java.math.BigDecimal;
import java.lang.reflect.Field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StockLevelTest {

    private static final UnitOfMeasure EA = UnitOfMeasure.of("EA", "each", 0);

    private static final Product BOLT = new Product(Sku.of("BOLT-1"), ProductDetails.of("Hex bolt", null, null, null, BigDecimal.ZERO), EA);
    private static final Location BIN = new Location(LocationCode.of("A-01"), "Aisle A, bin 1");

    @Test
    void givenAnEmptyLevel_whenAdding_thenOnHandGrowsByEachQuantity() {
        StockLevel level = levelOf(0);

        level.add(Quantity.of(5));
        level.add(Quantity.of(3));

        assertThat(level.onHand()).isEqualByComparingTo("8");
    }

    @Test
    void givenStock_whenRemovingPart_thenTheRestStays() {
        StockLevel level = levelOf(10);

        level.remove(Quantity.of(4));

        assertThat(level.onHand()).isEqualByComparingTo("6");
    }

    @Test
    void givenStock_whenRemovingAll_thenNoneIsLeft() {
        StockLevel level = levelOf(10);

        level.remove(Quantity.of(10));

        assertThat(level.onHand()).isZero();
    }

    @Test
    void givenStock_whenRemovingMoreThanOnHand_thenInsufficientStockNamesWhatAndWhere() {
        StockLevel level = levelOf(5);

        InsufficientStockException refused = catchThrowableOfType(InsufficientStockException.class,
                () -> level.remove(Quantity.of(6)));

        assertThat(refused).isNotNull();
        assertThat(refused.rule()).isEqualTo(RuleViolation.Rule.INSUFFICIENT_STOCK);
        assertThat(refused.getMessage()).contains("BOLT-1", "A-01");
        assertThat(refused.facts())
                .containsEntry("sku", "BOLT-1")
                .containsEntry("location", "A-01")
                .containsEntry("onHand", new BigDecimal("5"))
                .containsEntry("requested", new BigDecimal("6"));
        assertThat(level.onHand()).isEqualByComparingTo("5");
    }

    @Test
    void givenAnEmptyLevel_whenRemovingOne_thenInsufficientStockReportsZeroOnHand() {
        StockLevel level = levelOf(0);

        assertThatExceptionOfType(InsufficientStockException.class)
                .isThrownBy(() -> level.remove(Quantity.of(1)))
                .satisfies(refused -> assertThat(refused.facts())
                        .containsEntry("onHand", new BigDecimal("0"))
                        .containsEntry("requested", new BigDecimal("1")));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void givenANonPositiveQuantity_whenAdding_thenItIsRejected(long quantity) {
        StockLevel level = levelOf(5);

        assertThatIllegalArgumentException().isThrownBy(() -> level.add(Quantity.of(quantity)));
        assertThat(level.onHand()).isEqualByComparingTo("5");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void givenANonPositiveQuantity_whenRemoving_thenItIsRejected(long quantity) {
        StockLevel level = levelOf(5);

        assertThatIllegalArgumentException().isThrownBy(() -> level.remove(Quantity.of(quantity)));
        assertThat(level.onHand()).isEqualByComparingTo("5");
    }

    @Test
    void givenAFractionalLevel_whenRemovingPart_thenTheRestIsExact() {
        StockLevel level = levelOf(0);
        level.add(Quantity.of(new BigDecimal("12.5")));

        level.remove(Quantity.of(new BigDecimal("0.1")));
        level.remove(Quantity.of(new BigDecimal("0.2")));

        assertThat(level.onHand()).isEqualByComparingTo("12.2");  // 0.1 + 0.2 is exactly 0.3 here
    }

    @Test
    void givenALevel_whenAsked_thenItNamesItsProductAndLocation() {
        StockLevel level = levelOf(0);

        assertThat(level.product()).isSameAs(BOLT);
        assertThat(level.location()).isSameAs(BIN);
    }

    @Test
    void givenStock_whenReservingPart_thenOnHandStaysAndOnlyTheRestIsAvailable() {
        StockLevel level = levelOf(10);

        level.reserve(Quantity.of(4));

        assertThat(level.onHand()).isEqualByComparingTo("10");
        assertThat(level.reserved()).isEqualByComparingTo("4");
        assertThat(level.available()).isEqualByComparingTo("6");
    }

    @Test
    void givenReservedStock_whenReservingMoreThanIsAvailable_thenInsufficientAvailableSaysHowMuchIsReserved() {
        StockLevel level = levelOf(10);
        level.reserve(Quantity.of(7));

        InsufficientAvailableException refused = catchThrowableOfType(InsufficientAvailableException.class,
                () -> level.reserve(Quantity.of(4)));

        assertThat(refused).isNotNull();
        assertThat(refused.rule()).isEqualTo(RuleViolation.Rule.INSUFFICIENT_AVAILABLE);
        assertThat(refused.facts())
                .containsEntry("onHand", new BigDecimal("10"))
                .containsEntry("reserved", new BigDecimal("7"))
                .containsEntry("available", new BigDecimal("3"))
                .containsEntry("requested", new BigDecimal("4"));
        assertThat(level.reserved()).isEqualByComparingTo("7");
    }

    @Test
    void givenReservedStock_whenRemovingWithoutAReservation_thenOnlyAvailableStockCanLeave() {
        StockLevel level = levelOf(10);
        level.reserve(Quantity.of(7));

        level.remove(Quantity.of(3));
        assertThatExceptionOfType(InsufficientAvailableException.class).isThrownBy(() -> level.remove(Quantity.of(1)))
                .satisfies(refused -> assertThat(refused.getMessage()).contains("7 of it reserved", "0 available"));

        assertThat(level.onHand()).isEqualByComparingTo("7");
        assertThat(level.available()).isZero();
    }

    @Test
    void givenNothingReserved_whenRemovingTooMuch_thenItIsStillInsufficientStock() {
        StockLevel level = levelOf(2);

        assertThatExceptionOfType(InsufficientStockException.class).isThrownBy(() -> level.reserve(Quantity.of(3)));
    }

    @Test
    void givenReservedStock_whenRemovingReserved_thenOnHandAndReservedFallTogether() {
        StockLevel level = levelOf(10);
        level.reserve(Quantity.of(6));

        level.removeReserved(Quantity.of(4));

        assertThat(level.onHand()).isEqualByComparingTo("6");
        assertThat(level.reserved()).isEqualByComparingTo("2");
        assertThat(level.available()).isEqualByComparingTo("4");
        assertThatIllegalArgumentException().isThrownBy(() -> level.removeReserved(Quantity.of(3)));
    }

    @Test
    void givenReservedStock_whenUnreserving_thenItIsAvailableAgainButNeverBelowZeroReserved() {
        StockLevel level = levelOf(10);
        level.reserve(Quantity.of(new BigDecimal("2.5")));

        level.unreserve(new BigDecimal("2.5"));

        assertThat(level.available()).isEqualByComparingTo("10");
        assertThatIllegalArgumentException().isThrownBy(() -> level.unreserve(BigDecimal.ONE));
        assertThatIllegalArgumentException().isThrownBy(() -> level.unreserve(BigDecimal.ONE.negate()));
    }

    /**
     * A level as the repository hands it out: JPA builds it with the no-arg constructor and
     * sets the associations, which have no setters, so the test sets them the same way.
     * The count itself is reached through {@link StockLevel#add}.
     */
    private static StockLevel levelOf(long onHand) {
        StockLevel level = new StockLevel();
        set(level, "product", BOLT);
        set(level, "location", BIN);
        if (onHand > 0) {
            level.add(Quantity.of(onHand));
        }
        return level;
    }

    private static void set(StockLevel level, String fieldName, Object value) {
        try {
            Field field = StockLevel.class.getDeclaredField(fieldName);
            field.setAccessible(true);
            field.set(level, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("StockLevel has no field '" + fieldName + "' any more", e);
        }
    }
}
