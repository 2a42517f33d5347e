package org.stockroom.location;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocationCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"MAIN", "a", "9.x_y-z", "A-01"})
    void givenAnIdentifier_whenMade_thenItHoldsItAsIs(String value) {
        assertThat(LocationCode.of(value).value()).isEqualTo(value);
        assertThat(LocationCode.of(value)).hasToString(value);
    }

    @Test
    void givenThirtyTwoCharacters_whenMade_thenItIsAccepted() {
        assertThat(LocationCode.of("A".repeat(32)).value()).hasSize(32);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " BOLT", "-BOLT", ".x", "BOLT 1", "BOLT/1", "BOLT\n", "BÖLT"})
    void givenNoIdentifier_whenMade_thenItIsRefused(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> LocationCode.of(value))
                .withMessageContaining(LocationCode.RULE);
    }

    @Test
    void givenThirtyThreeCharacters_whenMade_thenItIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> LocationCode.of("A".repeat(33)));
    }
}
