package org.stockroom.problem;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ApiExceptionTest {

    /** A problem with extension members, as InsufficientStockException adds them. */
    private static final class ProblemWithExtensions extends ApiException {

        ProblemWithExtensions(String... namesAndValues) {
            super(409, ProblemTypes.EDIT_CONFLICT, "Edit conflict", "Someone else changed it");
            for (int i = 0; i < namesAndValues.length; i += 2) {
                with(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
    }

    @Test
    void givenExtensionsAddedInSomeOrder_whenRead_thenTheyComeBackInThatOrder() {
        ApiException problem = new ProblemWithExtensions("zulu", "1", "alpha", "2", "mike", "3", "bravo", "4");

        assertThat(problem.extensions().keySet()).containsExactly("zulu", "alpha", "mike", "bravo");
    }

    @Test
    void givenAnExtensionSetTwice_whenRead_thenItKeepsItsPlaceAndTheLastValue() {
        ApiException problem = new ProblemWithExtensions("zulu", "1", "alpha", "2", "zulu", "3");

        assertThat(problem.extensions()).containsExactly(
                Map.entry("zulu", "3"), Map.entry("alpha", "2"));
    }

    @Test
    void givenAProblem_whenItsExtensionsAreChangedFromOutside_thenThatIsRefused() {
        ApiException problem = new ProblemWithExtensions("zulu", "1");

        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> problem.extensions().put("alpha", "2"));
    }

    @Test
    void givenAProblem_whenRead_thenItsMembersAreThoseGivenAndTheDetailIsTheMessage() {
        ApiException problem = new ApiException(412, ProblemTypes.EDIT_CONFLICT, "Edit conflict", "Version 3 is stale");

        assertThat(problem.status()).isEqualTo(412);
        assertThat(problem.type()).isEqualTo(ProblemTypes.EDIT_CONFLICT);
        assertThat(problem.title()).isEqualTo("Edit conflict");
        assertThat(problem.detail()).isEqualTo("Version 3 is stale").isEqualTo(problem.getMessage());
        assertThat(problem.errors()).isEmpty();
        assertThat(problem.extensions()).isEmpty();
    }

    @Test
    void givenAnExpectedRefusal_whenThrown_thenItCarriesNoStackTrace() {
        assertThat(new ApiException(409, ProblemTypes.EDIT_CONFLICT, "Edit conflict", "stale").getStackTrace())
                .isEmpty();
    }
}
