package org.stockroom.product;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SkuTest {

    @ParameterizedTest
    @ValueSource(strings = {"BOLT-1", "a", "9.x_y-z", "NUT.M8"})
    void givenAnIdentifier_whenMade_thenItHoldsItAsIs(String value) {
        assertThat(Sku.of(value).value()).isEqualTo(value);
        assertThat(Sku.of(value)).hasToString(value);
    }

    @Test
    void givenSixtyFourCharacters_whenMade_thenItIsAccepted() {
        assertThat(Sku.of("A".repeat(64)).value()).hasSize(64);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " BOLT", "-BOLT", ".x", "BOLT 1", "BOLT/1", "BOLT\n", "BÖLT"})
    void givenNoIdentifier_whenMade_thenItIsRefused(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Sku.of(value))
                .withMessageContaining(Sku.RULE);
    }

    @Test
    void givenSixtyFiveCharacters_whenMade_thenItIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Sku.of("A".repeat(65)));
    }
}
