package org.stockroom.stock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QuantityTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 1_000_000_000, Long.MAX_VALUE})
    void givenAPositiveCount_whenMade_thenItHoldsIt(long value) {
        assertThat(Quantity.of(value).value()).isEqualTo(BigDecimal.valueOf(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.001", "2.5", "12.500"})
    void givenAPositiveFraction_whenMade_thenItHoldsItExactly(String value) {
        assertThat(Quantity.of(new BigDecimal(value)).value()).isEqualTo(new BigDecimal(value));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void givenNoPositiveCount_whenMade_thenItIsRefused(long value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Quantity.of(value))
                .withMessage("quantity must be positive: " + value);
    }

    @Test
    void givenTheSameCount_whenCompared_thenTheyAreEqual() {
        assertThat(Quantity.of(3)).isEqualTo(new Quantity(BigDecimal.valueOf(3)));
    }
}
