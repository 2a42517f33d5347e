package org.stockroom.lot;

import org.junit.jupiter.api.Test;
import org.stockroom.product.Product;
import org.stockroom.product.ProductDetails;
import org.stockroom.product.Sku;
import org.stockroom.stock.InsufficientStockException;
import org.stockroom.unit.UnitOfMeasure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** First expiry first, and named lots, with no container. */
class LotPickingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final Product MILK = trackedProduct("MILK-1", UnitOfMeasure.of("EA", "each", 0));

    private static Product trackedProduct(String sku, UnitOfMeasure unit) {
        return new Product(Sku.of(sku), ProductDetails.of("Milk", null, unit.code(), null, null, true), unit);
    }

    private static Lot lot(String number, LocalDate expiresOn) {
        return Lot.of(MILK, new LotNumber(number), expiresOn);
    }

    private static LotStock held(Lot lot, long onHand) {
        return new LotStock(lot, BigDecimal.valueOf(onHand));
    }

    private static List<String> picked(List<LotQuantity> taken) {
        return taken.stream().map(quantity -> quantity.lot().number() + "=" + quantity.quantity().toPlainString())
                .toList();
    }

    @Test
    void givenLotsInAnyOrder_whenPicked_thenTheEarliestExpiryGoesFirst() {
        List<LotStock> held = List.of(held(lot("LATE", TODAY.plusDays(60)), 5), held(lot("NEVER", null), 5),
                held(lot("EARLY", TODAY.plusDays(3)), 5));

        assertThat(picked(LotPicking.firstExpiryFirst(MILK, "MAIN", held, BigDecimal.valueOf(3), TODAY)))
                .containsExactly("EARLY=3");
    }

    @Test
    void givenMoreThanTheFirstLotHolds_whenPicked_thenItIsEmptiedAndTheNextLotsMakeUpTheRest() {
        List<LotStock> held = List.of(held(lot("LATE", TODAY.plusDays(60)), 5), held(lot("NEVER", null), 5),
                held(lot("EARLY", TODAY.plusDays(3)), 5));

        assertThat(picked(LotPicking.firstExpiryFirst(MILK, "MAIN", held, BigDecimal.valueOf(12), TODAY)))
                .containsExactly("EARLY=5", "LATE=5", "NEVER=2");
    }

    @Test
    void givenLotsExpiringTheSameDay_whenPicked_thenTheLowerLotNumberGoesFirst() {
        List<LotStock> held = List.of(held(lot("B", TODAY.plusDays(1)), 2), held(lot("A", TODAY.plusDays(1)), 2));

        assertThat(picked(LotPicking.firstExpiryFirst(MILK, "MAIN", held, BigDecimal.valueOf(3), TODAY)))
                .containsExactly("A=2", "B=1");
    }

    @Test
    void givenLotsTheLocationHoldsNoneOf_whenPicked_thenTheyAreLeftOut() {
        List<LotStock> held = List.of(held(lot("EMPTY", TODAY), 0), held(lot("FULL", TODAY.plusDays(9)), 4));

        assertThat(picked(LotPicking.firstExpiryFirst(MILK, "MAIN", held, BigDecimal.valueOf(4), TODAY)))
                .containsExactly("FULL=4");
    }

    @Test
    void givenAnExpiredLot_whenPicked_thenItIsSkippedAndALotExpiringTodayIsNot() {
        List<LotStock> held = List.of(held(lot("OLD", TODAY.minusDays(1)), 5), held(lot("TODAY", TODAY), 1),
                held(lot("FRESH", TODAY.plusDays(1)), 5));

        assertThat(picked(LotPicking.firstExpiryFirst(MILK, "MAIN", held, BigDecimal.valueOf(2), TODAY)))
                .containsExactly("TODAY=1", "FRESH=1");
    }

    @Test
    void givenOnlyExpiredStockMakesUpTheRest_whenPicked_thenItIsRefusedNamingTheExpiredLots() {
        List<LotStock> held = List.of(held(lot("OLD", TODAY.minusDays(1)), 5), held(lot("FRESH", TODAY.plusDays(1)), 2));

        assertThatExceptionOfType(ExpiredStockException.class)
                .isThrownBy(() -> LotPicking.firstExpiryFirst(MILK, "MAIN", held, BigDecimal.valueOf(3), TODAY))
                .satisfies(refusal -> assertThat(refusal.facts())
                        .containsEntry("usable", BigDecimal.valueOf(2))
                        .containsEntry("requested", BigDecimal.valueOf(3))
                        .containsEntry("expiredLots", List.of("OLD")))
                .withMessageContaining("Only 2 of MILK-1 at MAIN");
    }

    @Test
    void givenLessInAllLotsThanRequested_whenPicked_thenItIsInsufficientStock() {
        List<LotStock> held = List.of(held(lot("FRESH", TODAY.plusDays(1)), 2));

        assertThatExceptionOfType(InsufficientStockException.class)
                .isThrownBy(() -> LotPicking.firstExpiryFirst(MILK, "MAIN", held, BigDecimal.valueOf(3), TODAY));
    }

    @Test
    void givenDecimals_whenPicked_thenTheyAreSplitExactly() {
        Product cable = trackedProduct("CABLE-1", UnitOfMeasure.of("M", "metre", 3));
        Lot first = Lot.of(cable, new LotNumber("D1"), TODAY.plusDays(1));
        Lot second = Lot.of(cable, new LotNumber("D2"), TODAY.plusDays(2));
        List<LotStock> held = List.of(new LotStock(second, new BigDecimal("10.000")),
                new LotStock(first, new BigDecimal("0.125")));

        assertThat(picked(LotPicking.firstExpiryFirst(cable, "VAN", held, new BigDecimal("2.5"), TODAY)))
                .containsExactly("D1=0.125", "D2=2.375");
    }

    @Test
    void givenANamedLot_whenPicked_thenItIsTakenExpiredOrNotIfThereIsEnough() {
        Lot old = lot("OLD", TODAY.minusDays(30));

        assertThat(picked(List.of(LotPicking.named(MILK, "MAIN", old, BigDecimal.valueOf(4), BigDecimal.valueOf(4)))))
                .containsExactly("OLD=4");
        assertThatExceptionOfType(InsufficientStockException.class)
                .isThrownBy(() -> LotPicking.named(MILK, "MAIN", old, BigDecimal.valueOf(4), BigDecimal.valueOf(5)))
                .satisfies(refusal -> assertThat(refusal.facts()).containsEntry("lot", "OLD")
                        .containsEntry("onHand", BigDecimal.valueOf(4)).containsEntry("requested", BigDecimal.valueOf(5)));
    }

    @Test
    void theOrderIsFirstExpiryFirstWithLotsThatNeverExpireLast() {
        List<Lot> lots = new java.util.ArrayList<>(List.of(lot("Z-NEVER", null), lot("A-NEVER", null),
                lot("LATE", TODAY.plusDays(5)), lot("EARLY", TODAY)));

        lots.sort(LotPicking.FIRST_EXPIRY_FIRST);

        assertThat(lots).extracting(Lot::number).containsExactly("EARLY", "LATE", "A-NEVER", "Z-NEVER");
    }

    @Test
    void aLotHasOneExpiryAndOnlyATrackedProductHasLots() {
        Lot lot = lot("L1", TODAY);

        lot.requireExpiry(null);
        lot.requireExpiry(TODAY);
        assertThatExceptionOfType(LotExpiryMismatchException.class).isThrownBy(() -> lot.requireExpiry(TODAY.plusDays(1)))
                .withMessage("Lot L1 of MILK-1 expires on " + TODAY + ", not on " + TODAY.plusDays(1)
                        + "; give its expiry date or none");
        assertThatExceptionOfType(LotExpiryMismatchException.class)
                .isThrownBy(() -> lot("L2", null).requireExpiry(TODAY));
        assertThat(lot.isExpiredOn(TODAY)).isFalse();
        assertThat(lot.isExpiredOn(TODAY.plusDays(1))).isTrue();
        assertThat(lot("L3", null).isExpiredOn(LocalDate.MAX)).isFalse();

        Product untracked = new Product(Sku.of("BOLT-1"), ProductDetails.of("Bolt", null, null, null, null),
                UnitOfMeasure.of("EA", "each", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Lot.of(untracked, new LotNumber("L1"), null));
    }

    @Test
    void aLotNumberIsAnIdentifierThatMayHoldSlashes() {
        assertThat(new LotNumber("2026/11-A.3_b").value()).isEqualTo("2026/11-A.3_b");
        for (String bad : List.of("", " L1", "L 1", "-L1", "/L1", "L1\n", "L".repeat(65))) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> new LotNumber(bad));
        }
        assertThat(LotNumber.ofNullable(null)).isNull();
    }
}
