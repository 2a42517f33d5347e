package org.stockroom.movement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockroom.problem.FieldError;
import org.stockroom.problem.InvalidRequestException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code since} filter of {@code GET /movements}; the resource itself is covered by MovementApiIT. */
class MovementResourceTest {

    @Test
    void givenAnInstant_whenParsingSince_thenItIsThatInstant() {
        assertThat(MovementResource.parseSince("2026-11-01T08:00:00Z"))
                .isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
    }

    @Test
    void givenAnOffsetDateTime_whenParsingSince_thenItIsConvertedToUtc() {
        assertThat(MovementResource.parseSince("2026-11-01T10:00:00+02:00"))
                .isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
    }

    @Test
    void givenFractionalSeconds_whenParsingSince_thenTheyAreKept() {
        assertThat(MovementResource.parseSince("2026-11-01T08:00:00.123456Z"))
                .isEqualTo(Instant.parse("2026-11-01T08:00:00.123456Z"));
    }

    @Test
    void givenADate_whenParsingSince_thenItIsTheStartOfThatDayInUtc() {
        assertThat(MovementResource.parseSince("2026-11-01"))
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void givenNoSince_whenParsing_thenThereIsNoLowerBound() {
        assertThat(MovementResource.parseSince(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01", "01/11/2026", "2026-11-01T08:00:00", "1762000000"})
    void givenSomethingElse_whenParsingSince_then422PointsAtSince(String since) {
        InvalidRequestException refused =
                catchThrowableOfType(InvalidRequestException.class, () -> MovementResource.parseSince(since));

        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errors()).extracting(FieldError::pointer).containsExactly("since");
        assertThat(refused.detail()).startsWith("since must be an ISO-8601 date-time");
    }
}
