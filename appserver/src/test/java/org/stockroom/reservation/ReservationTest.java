package org.stockroom.reservation;

import org.junit.jupiter.api.Test;
import org.stockroom.location.Location;
import org.stockroom.location.LocationCode;
import org.stockroom.product.Product;
import org.stockroom.product.ProductArchivedException;
import org.stockroom.product.ProductDetails;
import org.stockroom.product.QuantityPrecisionException;
import org.stockroom.product.Sku;
import org.stockroom.rules.RuleViolation;
import org.stockroom.rules.RuleViolation.FieldViolation;
import org.stockroom.stock.Quantity;
import org.stockroom.unit.UnitOfMeasure;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** A reservation's rules, without a database: what it holds, and how it closes once. */
class ReservationTest {

    private static final UnitOfMeasure EA = UnitOfMeasure.of("EA", "each", 0);
    private static final UnitOfMeasure M = UnitOfMeasure.of("M", "metre", 3);
    private static final Location BIN = new Location(LocationCode.of("A-01"), "Aisle A, bin 1");
    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));

    private final Product bolt = product("BOLT-1", EA);

    @Test
    void aNewReservationIsOpenAndHoldsAllOfItsQuantity() {
        Reservation reservation = reserve(bolt, "10");

        assertThat(reservation.status()).isEqualTo(ReservationStatus.OPEN);
        assertThat(reservation.remaining()).isEqualByComparingTo("10");
        assertThat(reservation.reference()).isEqualTo("SO-1");
        assertThat(reservation.statusAt(NOW)).isEqualTo(ReservationStatus.OPEN);
    }

    @Test
    void aReservationIsRefusedForBadFieldsAnArchivedProductOrAFinerQuantity() {
        assertThat(field(() -> reserve(bolt, "0"))).isEqualTo("quantity");
        assertThat(field(() -> new Reservation(bolt, BIN, " ", BigDecimal.ONE, TOMORROW, "clerk", NOW)))
                .isEqualTo("reference");
        assertThat(field(() -> new Reservation(bolt, BIN, "SO-1", BigDecimal.ONE, NOW, "clerk", NOW)))
                .as("an expiry now is not in the future").isEqualTo("expiresAt");
        assertThat(field(() -> new Reservation(bolt, BIN, "SO-1", BigDecimal.ONE, NOW.plus(Duration.ofDays(367)),
                "clerk", NOW))).isEqualTo("expiresAt");
        assertThatExceptionOfType(QuantityPrecisionException.class).isThrownBy(() -> reserve(bolt, "1.5"));
        assertThat(reserve(product("CABLE-1", M), "1.5").remaining()).isEqualByComparingTo("1.5");
        Product archived = product("OLD-1", EA);
        archived.archive();
        assertThatExceptionOfType(ProductArchivedException.class).isThrownBy(() -> reserve(archived, "1"));
    }

    @Test
    void issuesDrawOnItUntilItIsConsumed() {
        Reservation reservation = reserve(bolt, "10");

        reservation.draw(Quantity.of(4), NOW);
        assertThat(reservation.remaining()).isEqualByComparingTo("6");
        assertThat(reservation.status()).isEqualTo(ReservationStatus.OPEN);

        reservation.draw(Quantity.of(6), NOW);
        assertThat(reservation.remaining()).isZero();
        assertThat(reservation.status()).isEqualTo(ReservationStatus.CONSUMED);
        assertThat(reservation.closedAt()).isEqualTo(NOW);
    }

    @Test
    void anIssueCannotTakeMoreThanItHolds() {
        Reservation reservation = reserve(bolt, "5");

        assertThatExceptionOfType(ReservationExceededException.class)
                .isThrownBy(() -> reservation.draw(Quantity.of(6), NOW))
                .satisfies(refused -> assertThat(refused.facts())
                        .containsEntry("remaining", new BigDecimal("5"))
                        .containsEntry("requested", new BigDecimal("6")));
        assertThat(reservation.remaining()).isEqualByComparingTo("5");
    }

    @Test
    void releasingGivesBackWhatItStillHoldsOnce() {
        Reservation reservation = reserve(bolt, "10");
        reservation.draw(Quantity.of(3), NOW);

        assertThat(reservation.release(NOW)).isEqualByComparingTo("7");
        assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(reservation.remaining()).isZero();
        assertThatExceptionOfType(ReservationClosedException.class).isThrownBy(() -> reservation.release(NOW))
                .satisfies(refused -> assertThat(refused.rule()).isEqualTo(RuleViolation.Rule.RESERVATION_CLOSED));
        assertThatExceptionOfType(ReservationClosedException.class)
                .isThrownBy(() -> reservation.draw(Quantity.of(1), NOW));
    }

    @Test
    void pastItsExpiryItHoldsNothingAndIsClosedEvenBeforeTheSweepMarksIt() {
        Reservation reservation = reserve(bolt, "10");

        assertThat(reservation.statusAt(TOMORROW)).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(reservation.remainingAt(TOMORROW)).isZero();
        assertThatExceptionOfType(ReservationClosedException.class)
                .isThrownBy(() -> reservation.draw(Quantity.of(1), TOMORROW))
                .satisfies(refused -> assertThat(refused.status()).isEqualTo(ReservationStatus.EXPIRED));
        assertThatExceptionOfType(ReservationClosedException.class).isThrownBy(() -> reservation.release(TOMORROW));
        assertThat(reservation.status()).as("only the sweep marks it").isEqualTo(ReservationStatus.OPEN);
    }

    @Test
    void itExpiresOnlyOncePastItsExpiry() {
        Reservation reservation = reserve(bolt, "10");

        assertThatIllegalStateException().isThrownBy(() -> reservation.expire(NOW));
        assertThat(reservation.expire(TOMORROW)).isEqualByComparingTo("10");
        assertThat(reservation.status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThatIllegalStateException().isThrownBy(() -> reservation.expire(TOMORROW));
    }

    @Test
    void aStocktakeShortensItAndReleasesItWhenNothingRemains() {
        Reservation reservation = reserve(bolt, "10");

        reservation.shorten(new BigDecimal("4"), NOW);
        assertThat(reservation.remaining()).isEqualByComparingTo("6");
        assertThat(reservation.status()).isEqualTo(ReservationStatus.OPEN);
        assertThatIllegalArgumentException().isThrownBy(() -> reservation.shorten(new BigDecimal("7"), NOW));

        reservation.shorten(new BigDecimal("6"), NOW);
        assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
    }

    private static Reservation reserve(Product product, String quantity) {
        return new Reservation(product, BIN, " SO-1 ", new BigDecimal(quantity), TOMORROW, "clerk", NOW);
    }

    private static String field(Runnable refused) {
        return assertThatExceptionOfType(InvalidReservationException.class).isThrownBy(refused::run).actual()
                .fieldViolations().stream().map(FieldViolation::field).findFirst().orElseThrow();
    }

    private static Product product(String sku, UnitOfMeasure unit) {
        return new Product(Sku.of(sku), ProductDetails.of(sku, null, unit.code(), null, BigDecimal.ZERO), unit);
    }
}
