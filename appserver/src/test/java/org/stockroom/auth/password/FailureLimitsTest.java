package org.stockroom.auth.password;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The window arithmetic of the failed log-in throttle, with no database. */
class FailureLimitsTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final FailureLimits LIMITS = new FailureLimits(5, 20, 100, WINDOW);

    @Test
    void givenFewerFailuresThanTheLimit_thenLetThrough() {
        assertThat(LIMITS.refusal(List.of(window(FailureScope.USER_AND_ADDRESS, 4, Duration.ofMinutes(1)),
                window(FailureScope.ADDRESS, 19, Duration.ofMinutes(1)),
                window(FailureScope.USER, 99, Duration.ofMinutes(1))))).isEmpty();
    }

    @Test
    void givenTheLimitReached_thenRefusedUntilTheWindowEnds() {
        FailureLimits.Refusal refusal = LIMITS.refusal(List.of(
                window(FailureScope.USER_AND_ADDRESS, 5, Duration.ofMinutes(10)))).orElseThrow();

        assertThat(refusal.scope()).isEqualTo(FailureScope.USER_AND_ADDRESS);
        assertThat(refusal.waitFor()).isEqualTo(Duration.ofMinutes(5));
        assertThat(refusal.retryAfterSeconds()).isEqualTo(300);
    }

    @Test
    void givenAFullWindowThatHasEnded_thenLetThrough() {
        assertThat(LIMITS.refusal(List.of(window(FailureScope.ADDRESS, 500, WINDOW)))).isEmpty();
        assertThat(LIMITS.refusal(List.of(window(FailureScope.ADDRESS, 500, WINDOW.plusSeconds(1))))).isEmpty();
        assertThat(LIMITS.refusal(List.of(window(FailureScope.ADDRESS, 500, WINDOW.minusMillis(1))))).isPresent();
    }

    @Test
    void givenSeveralFullWindows_thenTheLongestWaitIsGiven() {
        FailureLimits.Refusal refusal = LIMITS.refusal(List.of(
                window(FailureScope.USER_AND_ADDRESS, 5, Duration.ofMinutes(14)),
                window(FailureScope.ADDRESS, 20, Duration.ofMinutes(2)),
                window(FailureScope.USER, 3, Duration.ofSeconds(1)))).orElseThrow();

        assertThat(refusal.scope()).isEqualTo(FailureScope.ADDRESS);
        assertThat(refusal.waitFor()).isEqualTo(Duration.ofMinutes(13));
    }

    @Test
    void givenLessThanASecondLeft_thenRetryAfterIsOneWholeSecondRoundedUp() {
        assertThat(LIMITS.refusal(List.of(window(FailureScope.USER, 100, WINDOW.minusMillis(1))))
                .orElseThrow().retryAfterSeconds()).isEqualTo(1);
        assertThat(LIMITS.refusal(List.of(window(FailureScope.USER, 100, WINDOW.minusMillis(1001))))
                .orElseThrow().retryAfterSeconds()).isEqualTo(2);
    }

    @Test
    void givenAWindowStartedAfterTheDatabaseClockReadIt_thenTheWholeWindowIsWaited() {
        // now() is the transaction's start: a row written by a later transaction looks a little in the future.
        assertThat(LIMITS.refusal(List.of(window(FailureScope.USER, 100, Duration.ofMillis(-20))))
                .orElseThrow().waitFor()).isEqualTo(WINDOW);
    }

    @Test
    void givenALimitOfZero_thenThatScopeNeverRefuses() {
        FailureLimits noAddressLimit = new FailureLimits(5, 0, 100, WINDOW);

        assertThat(noAddressLimit.refusal(List.of(window(FailureScope.ADDRESS, 1_000_000, Duration.ZERO)))).isEmpty();
    }

    @Test
    void givenANegativeLimitOrAnEmptyWindow_thenRefusedAtConstruction() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FailureLimits(-1, 20, 100, WINDOW));
        assertThatIllegalArgumentException().isThrownBy(() -> new FailureLimits(5, 20, 100, Duration.ZERO));
    }

    private static FailureWindow window(FailureScope scope, int failures, Duration age) {
        return new FailureWindow(scope, failures, age);
    }
}
