package org.stockroom.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retry policy's arithmetic, the Retry-After header and idempotency keys, without a server. */
class RetryPolicyTest {

    @Test
    void theDefaultsAreFourAttemptsWithin20Seconds() {
        RetryPolicy policy = RetryPolicy.DEFAULT;

        assertThat(policy.maxAttempts()).isEqualTo(4);
        assertThat(policy.initialBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.multiplier()).isEqualTo(2.0);
        assertThat(policy.maxBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.budget()).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.retries()).isTrue();
        assertThat(RetryPolicy.NONE.maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.NONE.retries()).isFalse();
    }

    @Test
    void theLongestWaitDoublesUpToTheMaximum() {
        assertThat(IntStream.rangeClosed(1, 7).mapToObj(RetryPolicy.DEFAULT::backoffCeiling).map(Duration::toMillis))
                .containsExactly(200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L);
    }

    @Test
    void theWaitIsDrawnBetweenZeroAndTheLongestWait() {
        SplittableRandom random = new SplittableRandom(42);
        for (int retry = 1; retry <= 6; retry++) {
            Duration ceiling = RetryPolicy.DEFAULT.backoffCeiling(retry);
            for (int draw = 0; draw < 200; draw++) {
                assertThat(RetryPolicy.DEFAULT.backoff(retry, random)).isBetween(Duration.ZERO, ceiling);
            }
        }
    }

    @Test
    void refusesPoliciesThatMakeNoSense() {
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.withBudget(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(-1), 2, second, second))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(1), 0.5, second, second))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMillis(1), Double.NaN, second, second))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsRetryAfterInSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-11-22T00:00:00Z");

        assertThat(RetryAfter.parse("3", now)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse(" 0 ", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Sun, 22 Nov 2026 00:00:07 GMT", now)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Sat, 21 Nov 2026 23:59:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("99999999999999999999999", now)).hasValueSatisfying(
                wait -> assertThat(wait).isGreaterThan(Duration.ofDays(365)));
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse("-1", now)).isEmpty();
        assertThat(RetryAfter.parse("", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }

    @Test
    void makesFreshKeysAndRefusesKeysThatDoNotFitInAHeader() {
        String key = IdempotencyKeys.newKey();

        assertThat(key).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(IdempotencyKeys.newKey()).isNotEqualTo(key);
        assertThat(IdempotencyKeys.requireValid(key)).isEqualTo(key);
        for (String bad : new String[] {null, "", "has space", "new\nline", "ü", "x".repeat(256)}) {
            assertThatThrownBy(() -> IdempotencyKeys.requireValid(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
