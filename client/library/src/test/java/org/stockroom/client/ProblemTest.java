package org.stockroom.client;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTest {

    @Test
    void givenOneFieldErrorTheDetailRepeats_whenListed_thenNothingIsLeftToList() {
        assertThat(invalid("name must not be blank", new FieldError("/name", "must not be blank"))
                .errorsBeyondMessage()).isEmpty();
    }

    @Test
    void givenOneFieldErrorTheDetailIsWrittenAbout_whenListed_thenNothingIsLeftToList() {
        assertThat(invalid("quantity 1.5 is finer than BOLT-1 is counted in: whole EA",
                new FieldError("/quantity", "must have at most 0 decimal places for EA")).errorsBeyondMessage()).isEmpty();
        assertThat(invalid("lines/0/quantity is too large",
                new FieldError("/lines/0/quantity", "must be at most 1000000000")).errorsBeyondMessage()).isEmpty();
    }

    @Test
    void givenAnErrorTheDetailDoesNotSay_whenListed_thenItIsKept() {
        FieldError name = new FieldError("/name", "must not be blank");
        FieldError sku = new FieldError("/sku", "must not be blank");

        assertThat(invalid("Invalid fields", name).errorsBeyondMessage()).containsExactly(name);
        assertThat(invalid("quantityX is odd", new FieldError("/quantity", "x")).errorsBeyondMessage()).hasSize(1);
        assertThat(invalid("2 fields are invalid", name, sku).errorsBeyondMessage()).containsExactly(name, sku);
        assertThat(invalid("Invalid fields", new FieldError("/name", " ")).errorsBeyondMessage()).hasSize(1);
    }

    private static Problem invalid(String detail, FieldError... errors) {
        return new Problem("https://stockroom.dev/problems/invalid-fields", "Invalid fields", 422, detail, null,
                List.of(errors), Map.of());
    }
}
