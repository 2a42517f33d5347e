package org.stockroom.cli.lot;

import org.junit.jupiter.api.Test;
import org.stockroom.client.model.ExpiringLot;
import org.stockroom.client.model.LotLevel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LotViewsTest {

    @Test
    void listsStockByLotWithExpiredLotsMarked() {
        List<LotLevel> levels = List.of(
                new LotLevel("MILK-1", "MAIN", "L0", LocalDate.of(2026, 11, 1), true, BigDecimal.valueOf(3)),
                new LotLevel("MILK-1", "MAIN", "L1", LocalDate.of(2027, 1, 31), false, BigDecimal.valueOf(12)),
                new LotLevel("CABLE-1", "VAN-1", "D-7", null, false, new BigDecimal("12.500")));

        assertThat(LotsCommand.table(levels).lines()).containsExactly(
                "SKU      LOCATION  LOT  EXPIRES               ON HAND",
                "MILK-1   MAIN      L0   2026-11-01 (expired)        3",
                "MILK-1   MAIN      L1   2027-01-31                 12",
                "CABLE-1  VAN-1     D-7  -                      12.500");
    }

    @Test
    void listsExpiringLotsWithTheDaysLeft() {
        List<ExpiringLot> lots = List.of(
                new ExpiringLot("MILK-1", "MAIN", "L0", LocalDate.of(2026, 11, 18), -2, true, BigDecimal.ONE),
                new ExpiringLot("MILK-1", "SHOP", "L1", LocalDate.of(2026, 11, 27), 7, false, BigDecimal.TEN));

        assertThat(LotsCommand.expiringTable(lots).lines()).containsExactly(
                "EXPIRES               DAYS LEFT  SKU     LOT  LOCATION  ON HAND",
                "2026-11-18 (expired)         -2  MILK-1  L0   MAIN            1",
                "2026-11-27                    7  MILK-1  L1   SHOP           10");
    }
}
