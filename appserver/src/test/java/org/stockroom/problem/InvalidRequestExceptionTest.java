package org.stockroom.problem;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidRequestExceptionTest {

    @Test
    void givenOneBodyField_whenRefused_thenTheDetailNamesTheFieldAndTheRule() {
        InvalidRequestException refused = new InvalidRequestException("/quantity", "must be greater than 0 for RECEIVE");

        assertThat(refused.detail()).isEqualTo("quantity must be greater than 0 for RECEIVE");
        assertThat(refused.errors()).containsExactly(new FieldError("/quantity", "must be greater than 0 for RECEIVE"));
    }

    @Test
    void givenOneQueryParameter_whenRefused_thenTheDetailNamesTheParameter() {
        InvalidRequestException refused = new InvalidRequestException("limit", "must be a whole number from 1 to 500");

        assertThat(refused.detail()).isEqualTo("limit must be a whole number from 1 to 500");
    }

    @Test
    void givenSeveralFields_whenRefused_thenTheDetailCountsThemAndEachKeepsItsPointerInOrder() {
        InvalidRequestException refused = new InvalidRequestException(List.of(
                new FieldError("/quantity", "must not be 0 for ADJUST"),
                new FieldError("/to", "ADJUST needs exactly one location, in 'to' (or 'from')"),
                new FieldError("/reason", "is required for ADJUST")));

        assertThat(refused.detail()).isEqualTo("3 fields are invalid");
        assertThat(refused.errors()).extracting(FieldError::pointer).containsExactly("/quantity", "/to", "/reason");
    }

    @Test
    void givenOneFieldBreakingSeveralRules_whenRefused_thenTheDetailNamesThatOneField() {
        InvalidRequestException refused = new InvalidRequestException(List.of(
                new FieldError("/sku", "size must be between 0 and 64"),
                new FieldError("/sku", "must start with a letter or digit")));

        assertThat(refused.detail()).isEqualTo("sku is invalid");
        assertThat(refused.errors()).hasSize(2);
    }

    @Test
    void givenTwoFieldsAndThreeErrors_whenRefused_thenTheDetailCountsTheFields() {
        InvalidRequestException refused = new InvalidRequestException(List.of(
                new FieldError("/name", "must not be blank"),
                new FieldError("/sku", "size must be between 0 and 64"),
                new FieldError("/sku", "must start with a letter or digit")));

        assertThat(refused.detail()).isEqualTo("2 fields are invalid");
    }

    @Test
    void givenAnyFieldError_whenRefused_thenItIsA422InvalidFieldsProblem() {
        InvalidRequestException refused = new InvalidRequestException("/sku", "must not be blank");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.type()).isEqualTo(ProblemTypes.INVALID_FIELDS);
        assertThat(refused.title()).isEqualTo("Invalid fields");
    }

    @Test
    void givenAListOfErrors_whenItChangesAfterwards_thenTheProblemKeepsWhatItWasGiven() {
        List<FieldError> errors = new ArrayList<>(List.of(new FieldError("/sku", "must not be blank")));
        InvalidRequestException refused = new InvalidRequestException(errors);

        errors.add(new FieldError("/name", "must not be blank"));

        assertThat(refused.errors()).extracting(FieldError::pointer).containsExactly("/sku");
    }
}
