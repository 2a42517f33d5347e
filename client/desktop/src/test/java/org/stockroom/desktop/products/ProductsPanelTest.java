package org.stockroom.desktop.products;

import org.junit.jupiter.api.Test;
import org.stockroom.client.model.Product;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Low stock as the server's {@code belowReorder} has it: below the reorder point, not at it. */
class ProductsPanelTest {

    @Test
    void isLowOnlyBelowItsReorderPoint() {
        assertThat(ProductsPanel.isLow(product(5, 4))).isTrue();
        assertThat(ProductsPanel.isLow(product(5, 5))).isFalse();
        assertThat(ProductsPanel.isLow(product(5, 6))).isFalse();
    }

    @Test
    void aReorderPointOfZeroIsNeverUndercut() {
        assertThat(ProductsPanel.isLow(product(0, 0))).isFalse();
    }

    private static Product product(int reorderPoint, long onHand) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new Product("BOLT-1", "Hex bolt", null, "EA", "Fasteners", BigDecimal.valueOf(reorderPoint), false,
                BigDecimal.valueOf(onHand), 0, 1, now, now);
    }
}
