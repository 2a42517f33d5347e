package org.stockroom.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockroom.problem.FieldError;
import org.stockroom.problem.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageRequestTest {

    @Test
    void givenNoParameters_whenRead_thenTheFirstPageOfFifty() {
        PageRequest request = PageRequest.of(null, null);

        assertThat(request.limit()).isEqualTo(50).isEqualTo(PageRequest.DEFAULT_LIMIT);
        assertThat(request.after()).isNull();
    }

    @Test
    void givenBlankParameters_whenRead_thenTheyCountAsAbsent() {
        PageRequest request = PageRequest.of("  ", " ");

        assertThat(request.limit()).isEqualTo(PageRequest.DEFAULT_LIMIT);
        assertThat(request.after()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 20, 500})
    void givenALimitWithinBounds_whenRead_thenItIsKept(int limit) {
        assertThat(PageRequest.of(Integer.toString(limit), null).limit()).isEqualTo(limit);
    }

    @Test
    void givenALimitWithSpaces_whenRead_thenItIsTrimmed() {
        assertThat(PageRequest.of(" 20 ", null).limit()).isEqualTo(20);
    }

    @Test
    void givenACursor_whenRead_thenItIsKeptAsGiven() {
        assertThat(PageRequest.of(null, "Qk9MVC0x").after()).isEqualTo("Qk9MVC0x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "501", "ten", "2.5", "1e2", "99999999999"})
    void givenABadLimit_whenRead_then422PointsAtLimit(String limit) {
        assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> PageRequest.of(limit, null))
                .satisfies(refused -> {
                    assertThat(refused.status()).isEqualTo(422);
                    assertThat(refused.errors()).extracting(FieldError::pointer).containsExactly("limit");
                    assertThat(refused.detail()).isEqualTo("limit must be a whole number from 1 to 500");
                });
    }

    @Test
    void givenALimit_whenFetching_thenOneRowMoreIsAskedFor() {
        assertThat(new PageRequest(20, null).fetchSize()).isEqualTo(21);
    }
}
