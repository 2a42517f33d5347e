package org.stockroom.cli.stock;

import org.junit.jupiter.api.Test;
import org.stockroom.client.model.StockLevel;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StockViewsTest {

    @Test
    void listsLevelsPerProductAndLocation() {
        List<StockLevel> levels = List.of(
                new StockLevel("BOLT-1", "MAIN", 6, 5),
                new StockLevel("BOLT-1", "SHOP", 0, 5),
                new StockLevel("WASHER-M10", "VAN-1", 1250, 300));

        assertThat(StockCommand.table(levels).lines()).containsExactly(
                "SKU         LOCATION  ON HAND  REORDER POINT",
                "BOLT-1      MAIN            6              5",
                "BOLT-1      SHOP            0              5",
                "WASHER-M10  VAN-1        1250            300");
    }

    @Test
    void showsTheSignOfAnAdjustment() {
        assertThat(StockCommand.signed(3)).isEqualTo("+3");
        assertThat(StockCommand.signed(-2)).isEqualTo("-2");
    }
}
