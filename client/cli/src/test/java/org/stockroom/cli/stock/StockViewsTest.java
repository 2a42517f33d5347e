package org.stockroom.cli.stock;

import org.junit.jupiter.api.Test;
import org.stockroom.client.model.StockLevel;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StockViewsTest {

    @Test
    void listsLevelsPerProductAndLocation() {
        List<StockLevel> levels = List.of(
                new StockLevel("BOLT-1", "MAIN", BigDecimal.valueOf(6), BigDecimal.valueOf(4), BigDecimal.valueOf(2),
                        BigDecimal.valueOf(5)),
                new StockLevel("BOLT-1", "SHOP", BigDecimal.valueOf(0), BigDecimal.valueOf(5)),
                new StockLevel("WASHER-M10", "VAN-1", BigDecimal.valueOf(1250), BigDecimal.valueOf(300)),
                new StockLevel("CABLE-1.5", "VAN-1", new BigDecimal("12.500"), new BigDecimal("25.000")));

        assertThat(StockCommand.table(levels).lines()).containsExactly(
                "SKU         LOCATION  ON HAND  RESERVED  AVAILABLE  REORDER POINT",
                "BOLT-1      MAIN            6         4          2              5",
                "BOLT-1      SHOP            0         0          0              5",
                "WASHER-M10  VAN-1        1250         0       1250            300",
                "CABLE-1.5   VAN-1      12.500         0     12.500         25.000");
    }

    @Test
    void showsTheSignOfAnAdjustment() {
        assertThat(StockCommand.signed(BigDecimal.valueOf(3))).isEqualTo("+3");
        assertThat(StockCommand.signed(BigDecimal.valueOf(-2))).isEqualTo("-2");
        assertThat(StockCommand.signed(new BigDecimal("2.500"))).isEqualTo("+2.500");
    }
}
