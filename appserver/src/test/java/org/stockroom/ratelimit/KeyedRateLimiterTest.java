package org.stockroom.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeyedRateLimiterTest {

    @Test
    void givenALimitOfThree_whenAKeySendsFour_thenTheFourthWaitsOneSecondAndOtherKeysGoOn() {
        KeyedRateLimiter limiter = new KeyedRateLimiter("test", 3);

        assertThat(limiter.acquire("alice")).isZero();
        assertThat(limiter.acquire("alice")).isZero();
        assertThat(limiter.acquire("alice")).isZero();
        assertThat(limiter.acquire("alice")).isEqualTo(1);
        assertThat(limiter.acquire("bob")).isZero();
    }

    @Test
    void givenKeysIdleForLongerThanTheirRefill_whenTheSweepIsDue_thenTheyAreDroppedAndActiveOnesKept() {
        AtomicLong now = new AtomicLong(0);
        KeyedRateLimiter limiter = new KeyedRateLimiter("test", 5, now::get);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire("10.0.0." + i);
        }
        assertThat(limiter.size()).isEqualTo(1000);

        now.addAndGet(KeyedRateLimiter.SWEEP_EVERY.toNanos() - 1);
        limiter.acquire("active");  // not due yet: nothing swept
        assertThat(limiter.size()).isEqualTo(1001);

        now.addAndGet(1);
        limiter.acquire("active");
        assertThat(limiter.size()).isEqualTo(1);
    }

    @Test
    void givenMoreKeysThanTheCap_whenTheyHaveBeenIdleForTheirRefill_thenTheyAreSweptBeforeTheUsualTime() {
        AtomicLong now = new AtomicLong(0);
        KeyedRateLimiter limiter = new KeyedRateLimiter("test", 5, now::get);
        for (int i = 0; i <= KeyedRateLimiter.SWEEP_ABOVE_KEYS; i++) {
            limiter.acquire("key-" + i);
        }

        now.addAndGet(KeyedRateLimiter.IDLE_AFTER.toNanos() + 1);  // well before SWEEP_EVERY
        limiter.acquire("active");

        assertThat(limiter.size()).isEqualTo(1);
    }

    @Test
    void givenNoPermitsPerSecond_whenMade_thenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new KeyedRateLimiter("test", 0));
    }
}
