package org.stockroom.stocktake;

import org.junit.jupiter.api.Test;
import org.stockroom.location.Location;
import org.stockroom.location.LocationCode;
import org.stockroom.product.Product;
import org.stockroom.product.ProductArchivedException;
import org.stockroom.product.ProductDetails;
import org.stockroom.product.Sku;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The rules of a count, with no container: differences, snapshots, posting and closing. */
class StocktakeTest {

    private final Location shelf = new Location(LocationCode.of("A-1"), "Aisle 1");
    private final Product bolt = product("BOLT-1");
    private final Product nut = product("NUT-1");

    @Test
    void givenACount_thenItsDifferenceIsCountedMinusTheLevelWhenItWasEntered() {
        Stocktake stocktake = Stocktake.ofLocation(shelf, "anna");

        StocktakeLine line = stocktake.count(bolt, qty("8"), level("10", 41L), "anna");

        assertThat(line.counted()).isEqualByComparingTo("8");
        assertThat(line.expected()).isEqualByComparingTo("10");
        assertThat(line.difference()).isEqualByComparingTo("-2");
        assertThat(line.differs()).isTrue();
        assertThat(line.expectedAfterMovement()).contains(41L);
        assertThat(line.countedBy()).isEqualTo("anna");
        assertThat(line.countedAt()).isNotNull();
        assertThat(line.movement()).isEmpty();
    }

    @Test
    void givenAProductTheLocationNeverHeld_thenAllOfTheCountIsTheDifference() {
        StocktakeLine line = Stocktake.ofLocation(shelf, "anna").count(bolt, qty("3"), OnHandSnapshot.none(), "anna");

        assertThat(line.expected()).isEqualByComparingTo("0");
        assertThat(line.difference()).isEqualByComparingTo("3");
        assertThat(line.expectedAfterMovement()).isEmpty();
    }

    @Test
    void givenALineCountedAgain_thenItTakesANewSnapshotAndStaysOneLine() {
        Stocktake stocktake = Stocktake.ofLocation(shelf, "anna");
        stocktake.count(bolt, qty("8"), level("10", 41L), "anna");

        StocktakeLine again = stocktake.count(bolt, qty("13"), level("15", 57L), "ben");

        assertThat(stocktake.lines()).containsExactly(again);
        assertThat(again.expected()).isEqualByComparingTo("15");
        assertThat(again.difference()).isEqualByComparingTo("-2");
        assertThat(again.expectedAfterMovement()).contains(57L);
        assertThat(again.countedBy()).isEqualTo("ben");
    }

    @Test
    void givenDecimals_thenTheDifferenceIsExact() {
        Product cable = new Product(Sku.of("CABLE-1"), ProductDetails.of("Cable", null, "M", null, BigDecimal.ZERO),
                org.stockroom.unit.UnitOfMeasure.of("M", "metre", 3));
        StocktakeLine line = Stocktake.ofLocation(shelf, "anna").count(cable, qty("2.125"), level("3", 1L), "anna");

        assertThat(line.difference()).isEqualByComparingTo("-0.875");
    }

    @Test
    void givenAFractionOfSomethingCountedInWholeUnits_thenTheCountIsRefused() {
        assertThatThrownBy(() -> Stocktake.ofLocation(shelf, "anna").count(bolt, qty("2.125"), level("3", 1L), "anna"))
                .isInstanceOf(org.stockroom.product.QuantityPrecisionException.class);
    }

    @Test
    void givenMovementsSinceTheCount_whenPosted_thenOnlyLinesThatDifferArePostedAndTheMovementsAreKept() {
        Stocktake stocktake = Stocktake.ofLocation(shelf, "anna");
        stocktake.count(bolt, qty("8"), level("10", 41L), "anna");  // -2
        stocktake.count(nut, qty("5"), level("5", 42L), "anna");    // 0: no movement

        // 3 bolts issued since: 7 on hand now; posting takes 2 off, leaving 5 = 8 counted - 3 issued.
        List<StocktakeLine> toPost = stocktake.linesToPost(onHand(Map.of("BOLT-1", "7", "NUT-1", "9")));

        assertThat(toPost).extracting(StocktakeLine::sku).containsExactly("BOLT-1");
        assertThat(toPost.getFirst().difference()).isEqualByComparingTo("-2");
    }

    @Test
    void givenStockIssuedSinceTheCountThatTheCountSaysWasNotThere_whenPosted_thenRefusedNamingEverySku() {
        Stocktake stocktake = Stocktake.ofLocation(shelf, "anna");
        stocktake.count(bolt, qty("2"), level("10", 41L), "anna");  // -8
        stocktake.count(nut, qty("0"), level("4", 42L), "anna");    // -4

        StocktakeBelowZeroException refused = catchThrowableOfType(StocktakeBelowZeroException.class,
                () -> stocktake.linesToPost(onHand(Map.of("BOLT-1", "5", "NUT-1", "3"))));

        assertThat(refused.shortfalls()).extracting(StocktakeBelowZeroException.Shortfall::sku)
                .containsExactly("BOLT-1", "NUT-1");
        assertThat(refused.getMessage()).startsWith("Posting stocktake 0 would take BOLT-1 at A-1 below zero, to -3:"
                + " counted 2 against 10 on hand then, 5 on hand now; count BOLT-1 again").endsWith("(and 1 more: NUT-1)");
        assertThat(refused.facts()).containsEntry("sku", "BOLT-1").containsEntry("location", "A-1")
                .containsEntry("onHand", new BigDecimal("5")).containsEntry("skus", List.of("BOLT-1", "NUT-1"));
        assertThat(stocktake.isOpen()).isTrue();
    }

    @Test
    void givenExactlyEnoughLeft_whenPosted_thenTheLevelGoesToZeroAndThatIsAllowed() {
        Stocktake stocktake = Stocktake.ofLocation(shelf, "anna");
        stocktake.count(bolt, qty("2"), level("10", 41L), "anna");

        assertThat(stocktake.linesToPost(onHand(Map.of("BOLT-1", "8")))).hasSize(1);
    }

    @Test
    void givenEveryDifferenceWithItsMovement_whenPosted_thenItIsClosedAndReadOnly() {
        Stocktake stocktake = Stocktake.ofLocation(shelf, "anna");
        stocktake.count(bolt, qty("8"), level("10", 41L), "anna");
        stocktake.linesToPost(onHand(Map.of("BOLT-1", "10"))).forEach(line -> line.postedAs(99L));

        stocktake.post("mia");

        assertThat(stocktake.status()).isEqualTo(StocktakeStatus.POSTED);
        assertThat(stocktake.closedBy()).contains("mia");
        assertThat(stocktake.closedAt()).isPresent();
        assertThat(stocktake.line("BOLT-1").flatMap(StocktakeLine::movement)).contains(99L);
        assertClosed(stocktake, StocktakeStatus.POSTED);
    }

    @Test
    void givenADifferenceWithoutItsMovement_whenPosted_thenItIsABug() {
        Stocktake stocktake = Stocktake.ofLocation(shelf, "anna");
        stocktake.count(bolt, qty("8"), level("10", 41L), "anna");

        assertThatIllegalStateException().isThrownBy(() -> stocktake.post("mia"));
        assertThatIllegalStateException().isThrownBy(
                () -> stocktake.count(nut, qty("1"), level("1", 2L), "anna").postedAs(5L));
    }

    @Test
    void givenACancelledStocktake_thenItIsReadOnly() {
        Stocktake stocktake = Stocktake.ofLocation(shelf, "anna");
        stocktake.count(bolt, qty("8"), level("10", 41L), "anna");

        stocktake.cancel("anna");

        assertThat(stocktake.status()).isEqualTo(StocktakeStatus.CANCELLED);
        assertClosed(stocktake, StocktakeStatus.CANCELLED);
    }

    @Test
    void givenAStocktakeOfSomeSkus_thenOnlyThoseAreCounted() {
        Stocktake stocktake = Stocktake.ofSkus(shelf, List.of("NUT-1", "BOLT-1", "NUT-1"), "anna");

        assertThat(stocktake.skus()).contains(List.of("BOLT-1", "NUT-1"));
        stocktake.count(nut, qty("1"), level("1", 3L), "anna");
        assertThatThrownBy(() -> stocktake.count(product("WASHER-1"), qty("1"), OnHandSnapshot.none(), "anna"))
                .isInstanceOf(NotInStocktakeException.class)
                .hasMessageContaining("WASHER-1");
        assertThat(Stocktake.ofLocation(shelf, "anna").skus()).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> Stocktake.ofSkus(shelf, List.of(), "anna"));
    }

    @Test
    void givenAnArchivedProduct_thenItIsCountedDownButNotUp() {
        Product old = product("OLD-1");
        old.archive();
        Stocktake stocktake = Stocktake.ofLocation(shelf, "anna");

        assertThatThrownBy(() -> stocktake.count(old, qty("1"), OnHandSnapshot.none(), "anna"))
                .isInstanceOf(ProductArchivedException.class);
        assertThat(stocktake.count(old, qty("0"), OnHandSnapshot.none(), "anna").differs()).isFalse();
        assertThat(stocktake.count(old, qty("1"), level("2", 8L), "anna").difference()).isEqualByComparingTo("-1");
    }

    @Test
    void givenANegativeCount_thenItIsRefused() {
        Stocktake stocktake = Stocktake.ofLocation(shelf, "anna");

        InvalidCountException refused = catchThrowableOfType(InvalidCountException.class,
                () -> stocktake.count(bolt, qty("-1"), level("1", 1L), "anna"));

        assertThat(refused.fieldViolations()).extracting(v -> v.field()).containsExactly("counted");
        assertThat(stocktake.lines()).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new OnHandSnapshot(qty("-1"), null));
    }

    @Test
    void givenTheLedgersBounds_thenAFractionIsTakenAndAnOverlargeCountIsRefused() {
        assertThat(StocktakeService.ledgerQuantity(qty("7.5"))).isEqualByComparingTo("7.5");
        assertThat(StocktakeService.ledgerQuantity(qty("-1000000000"))).isEqualByComparingTo("-1000000000");
        for (String refused : List.of("1000000001", "99999999999999")) {
            assertThatThrownBy(() -> StocktakeService.ledgerQuantity(qty(refused)))
                    .as(refused).isInstanceOf(InvalidCountException.class);
        }
    }

    @Test
    void quantitiesAreShownWithoutTrailingZerosOrExponent() {
        assertThat(Quantities.plain(qty("10.000000")).toString()).isEqualTo("10");
        assertThat(Quantities.plain(qty("2.500000")).toString()).isEqualTo("2.5");
        assertThat(Quantities.plain(qty("0.000000")).toString()).isEqualTo("0");
        assertThat(Quantities.plain(null)).isNull();
    }

    private void assertClosed(Stocktake stocktake, StocktakeStatus status) {
        for (Runnable change : List.<Runnable>of(
                () -> stocktake.count(nut, qty("1"), level("1", 1L), "anna"),
                () -> stocktake.linesToPost(line -> BigDecimal.TEN),
                () -> stocktake.post("mia"),
                () -> stocktake.cancel("mia"))) {
            assertThatThrownBy(change::run).isInstanceOf(StocktakeClosedException.class)
                    .hasMessageContaining("already " + status.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static Product product(String sku) {
        return new Product(Sku.of(sku), ProductDetails.of("Product " + sku, null, null, null, BigDecimal.ZERO),
                org.stockroom.unit.UnitOfMeasure.of("EA", "each", 0));
    }

    private static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }

    private static OnHandSnapshot level(String quantity, Long afterMovement) {
        return new OnHandSnapshot(qty(quantity), afterMovement);
    }

    private static java.util.function.Function<StocktakeLine, BigDecimal> onHand(Map<String, String> bySku) {
        return line -> qty(bySku.get(line.sku()));
    }
}
