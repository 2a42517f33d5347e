package org.stockroom.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockroom.problem.FieldError;
import org.stockroom.problem.InvalidRequestException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Points in time in query parameters, such as {@code since} of {@code GET /movements} and {@code GET /audit}. */
class QueryParametersInstantTest {

    @Test
    void givenAnInstant_whenParsingSince_thenItIsThatInstant() {
        assertThat(QueryParameters.instant("since", "2026-11-01T08:00:00Z"))
                .isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
    }

    @Test
    void givenAnOffsetDateTime_whenParsingSince_thenItIsConvertedToUtc() {
        assertThat(QueryParameters.instant("since", "2026-11-01T10:00:00+02:00"))
                .isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
    }

    @Test
    void givenFractionalSeconds_whenParsingSince_thenTheyAreKept() {
        assertThat(QueryParameters.instant("since", "2026-11-01T08:00:00.123456Z"))
                .isEqualTo(Instant.parse("2026-11-01T08:00:00.123456Z"));
    }

    @Test
    void givenADate_whenParsingSince_thenItIsTheStartOfThatDayInUtc() {
        assertThat(QueryParameters.instant("since", "2026-11-01"))
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void givenNoSince_whenParsing_thenThereIsNoLowerBound() {
        assertThat(QueryParameters.instant("since", null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01", "01/11/2026", "2026-11-01T08:00:00", "1762000000"})
    void givenSomethingElse_whenParsingSince_then422PointsAtSince(String since) {
        InvalidRequestException refused =
                catchThrowableOfType(InvalidRequestException.class, () -> QueryParameters.instant("since", since));

        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errors()).extracting(FieldError::pointer).containsExactly("since");
        assertThat(refused.detail()).startsWith("since must be an ISO-8601 date-time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01T00:00:00Z", "+999999999-12-31", "0000-12-31"})
    void givenAYearPostgreSqlCannotHold_whenParsingSince_then422(String since) {
        InvalidRequestException refused =
                catchThrowableOfType(InvalidRequestException.class, () -> QueryParameters.instant("since", since));

        assertThat(refused).isNotNull();
        assertThat(refused.errors()).extracting(FieldError::pointer).containsExactly("since");
        assertThat(refused.detail()).isEqualTo("since must be in the years 1 to 9999");
    }

    @Test
    void givenTheFirstAndLastDaysOfTheRange_whenParsingSince_thenTheyAreAccepted() {
        assertThat(QueryParameters.instant("since", "0001-01-01")).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(QueryParameters.instant("since", "9999-12-31T23:59:59Z")).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    }
}
