package org.stockroom.desktop.lots;

import org.junit.jupiter.api.Test;
import org.stockroom.client.model.LotLevel;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockroom.desktop.lots.LotsPanel.Urgency.EXPIRED;
import static org.stockroom.desktop.lots.LotsPanel.Urgency.NONE;
import static org.stockroom.desktop.lots.LotsPanel.Urgency.SOON;

class LotsPanelTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private static LotLevel lot(LocalDate expiresOn, boolean expired) {
        return new LotLevel("MILK-1", "MAIN", "L1", expiresOn, expired, BigDecimal.ONE);
    }

    @Test
    void anExpiredLotIsExpiredAsTheServerSays() {
        assertThat(LotsPanel.urgency(lot(TODAY.minusDays(1), true), TODAY)).isEqualTo(EXPIRED);
    }

    @Test
    void aLotExpiringWithinThirtyDaysIsSoonAndOneAfterThatOrWithoutExpiryIsNot() {
        assertThat(LotsPanel.urgency(lot(TODAY, false), TODAY)).isEqualTo(SOON);
        assertThat(LotsPanel.urgency(lot(TODAY.plusDays(30), false), TODAY)).isEqualTo(SOON);
        assertThat(LotsPanel.urgency(lot(TODAY.plusDays(31), false), TODAY)).isEqualTo(NONE);
        assertThat(LotsPanel.urgency(lot(null, false), TODAY)).isEqualTo(NONE);
    }

    @Test
    void theStatusSaysHowSoonInWords() {
        assertThat(LotsPanel.status(lot(TODAY.minusDays(1), true), TODAY)).isEqualTo("expired");
        assertThat(LotsPanel.status(lot(TODAY, false), TODAY)).isEqualTo("today");
        assertThat(LotsPanel.status(lot(TODAY.plusDays(1), false), TODAY)).isEqualTo("tomorrow");
        assertThat(LotsPanel.status(lot(TODAY.plusDays(6), false), TODAY)).isEqualTo("in 6 days");
        assertThat(LotsPanel.status(lot(TODAY.plusDays(90), false), TODAY)).isEmpty();
        assertThat(LotsPanel.status(lot(null, false), TODAY)).isEmpty();
    }
}
