package org.stockroom.movement;

import org.junit.jupiter.api.Test;
import org.stockroom.location.Location;
import org.stockroom.location.LocationCode;
import org.stockroom.lot.Lot;
import org.stockroom.lot.LotNumber;
import org.stockroom.lot.LotQuantity;
import org.stockroom.product.Product;
import org.stockroom.product.ProductDetails;
import org.stockroom.product.Sku;
import org.stockroom.rules.RuleViolation.FieldViolation;
import org.stockroom.unit.UnitOfMeasure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** What a movement says about lots, with no container: the lot fields' shape, and the lots it records. */
class MovementLotsTest {

    private static final UnitOfMeasure EA = UnitOfMeasure.of("EA", "each", 0);
    private static final Location MAIN = new Location(LocationCode.of("MAIN"), "Main store");
    private static final LocalDate EXPIRY = LocalDate.of(2027, 1, 31);

    private static Product product(boolean lotTracked) {
        return new Product(Sku.of("MILK-1"), ProductDetails.of("Milk", null, null, null, null, lotTracked), EA);
    }

    private static MovementCommand command(MovementType type, long quantity, String lot, LocalDate expiresOn) {
        boolean out = type == MovementType.ISSUE || type == MovementType.TRANSFER
                || (type == MovementType.ADJUST && quantity < 0);
        boolean in = type == MovementType.RECEIVE || (type == MovementType.ADJUST && quantity > 0);
        String to = in ? "MAIN" : type == MovementType.TRANSFER ? "SHOP" : null;
        return new MovementCommand(type, "MILK-1", BigDecimal.valueOf(quantity), out ? "MAIN" : null, to,
                type == MovementType.ADJUST ? "count" : null, null, lot, expiresOn, null);
    }

    private static List<FieldViolation> violations(Runnable check) {
        return assertThatExceptionOfType(InvalidMovementException.class).isThrownBy(check::run).actual().fieldViolations();
    }

    @Test
    void givenAnExpiry_whenStockDoesNotArrive_thenTheCommandHasTheWrongShape() {
        assertThat(violations(() -> command(MovementType.ISSUE, 1, "L1", EXPIRY).requireShape()))
                .extracting(FieldViolation::field).containsExactly("expiresOn");
        assertThat(violations(() -> command(MovementType.ADJUST, -1, "L1", EXPIRY).requireShape()))
                .extracting(FieldViolation::field).containsExactly("expiresOn");
        command(MovementType.RECEIVE, 1, "L1", EXPIRY).requireShape();
        command(MovementType.ADJUST, 1, "L1", EXPIRY).requireShape();
    }

    @Test
    void givenAnExpiryWithoutALot_whenChecked_thenTheLotIsMissing() {
        assertThat(violations(() -> command(MovementType.RECEIVE, 1, null, EXPIRY).requireShape()))
                .containsExactly(new FieldViolation("lot", "is required with expiresOn"));
    }

    @Test
    void givenALotTrackedProduct_whenStockArrivesOrIsAdjusted_thenItMustNameALot() {
        Product milk = product(true);

        assertThat(violations(() -> command(MovementType.RECEIVE, 1, null, null).requireLotFits(milk)))
                .containsExactly(new FieldViolation("lot", "is required for RECEIVE: product MILK-1 is lot-tracked"));
        assertThat(violations(() -> command(MovementType.ADJUST, -1, null, null).requireLotFits(milk)))
                .extracting(FieldViolation::field).containsExactly("lot");
        command(MovementType.ISSUE, 1, null, null).requireLotFits(milk);  // first expiry first
        command(MovementType.TRANSFER, 1, null, null).requireLotFits(milk);
        command(MovementType.RECEIVE, 1, "L1", null).requireLotFits(milk);
    }

    @Test
    void givenAnUntrackedProduct_whenALotIsNamed_thenItIsRefused() {
        Product bolt = product(false);

        assertThat(violations(() -> command(MovementType.ISSUE, 1, "L1", null).requireLotFits(bolt)))
                .containsExactly(new FieldViolation("lot", "must be empty: product MILK-1 is not lot-tracked"));
        command(MovementType.RECEIVE, 1, null, null).requireLotFits(bolt);
    }

    @Test
    void givenLotsThatAddUp_whenRecorded_thenTheMovementCarriesThemSignedLikeItsQuantity() {
        Product milk = product(true);
        Lot first = Lot.of(milk, new LotNumber("L1"), EXPIRY);
        Lot second = Lot.of(milk, new LotNumber("L2"), null);
        StockMovement adjustment = StockMovement.adjustment(milk, null, MAIN, BigDecimal.valueOf(-5), "count", null, "c");

        adjustment.recordLots(List.of(new LotQuantity(first, BigDecimal.valueOf(2)),
                new LotQuantity(second, BigDecimal.valueOf(3))));

        assertThat(adjustment.lots()).extracting(moved -> moved.lot().number() + "=" + moved.quantity())
                .containsExactly("L1=-2", "L2=-3");
        assertThatIllegalStateException().as("recorded once")
                .isThrownBy(() -> adjustment.recordLots(List.of(new LotQuantity(first, BigDecimal.valueOf(5)))));
    }

    @Test
    void givenLotsThatDoNotAddUpOrAnUntrackedProduct_whenRecorded_thenItIsABug() {
        Product milk = product(true);
        Lot lot = Lot.of(milk, new LotNumber("L1"), EXPIRY);
        StockMovement receipt = StockMovement.receipt(milk, MAIN, BigDecimal.valueOf(5), null, null, "c");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> receipt.recordLots(List.of(new LotQuantity(lot, BigDecimal.valueOf(4)))));
        StockMovement untracked = StockMovement.receipt(product(false), MAIN, BigDecimal.ONE, null, null, "c");
        assertThatIllegalStateException()
                .isThrownBy(() -> untracked.recordLots(List.of(new LotQuantity(lot, BigDecimal.ONE))));
        assertThat(untracked.lots()).isEmpty();
    }
}
