package org.stockroom.client;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently {@link StockroomClient} retries a request that failed for a
 * reason that may pass: no connection, no answer in time, or the server saying it is
 * unavailable for now (502, 503, 504).
 *
 * <p>Only requests that are safe to send twice are retried: {@code GET} and {@code HEAD}, and
 * {@code POST}s that carry an {@code Idempotency-Key} (the server applies a repeated key once).
 * A {@code POST} without a key, a {@code PUT} (it is conditional on {@code If-Match}) and a
 * {@code DELETE} are sent exactly once.
 *
 * <p>Before retry number <i>n</i> the client waits a random time between 0 and
 * {@code min(maxBackoff, initialBackoff * multiplier^(n-1))} ("full jitter"), or what the server
 * asked for in {@code Retry-After}. It starts no wait that would end after {@code budget},
 * counted from the start of the first attempt, and gives a retried attempt no more than what is
 * left of it as its request timeout: it gives up instead, with the last failure. A
 * {@code Retry-After} longer than what is left is not cut short: the client gives up at once.
 *
 * @param maxAttempts    attempts in all, the first one included; 1 means no retries
 * @param initialBackoff the longest wait before the first retry
 * @param multiplier     how much the longest wait grows from one retry to the next, at least 1
 * @param maxBackoff     the longest wait ever drawn, whatever the retry
 * @param budget         the time after which no retry is started, from the first attempt on
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
                          Duration budget) {

    /** Four attempts, waits of up to 200 ms, 400 ms, 800 ms (5 s at most), 20 s in all. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofMillis(200), 2.0, Duration.ofSeconds(5), Duration.ofSeconds(20));

    /** Every request is sent once. */
    public static final RetryPolicy NONE = DEFAULT.withMaxAttempts(1);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1: " + maxAttempts);
        }
        requireNotNegative(initialBackoff, "initial backoff");
        requireNotNegative(maxBackoff, "max backoff");
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("budget must be positive: " + budget);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number of at least 1: " + multiplier);
        }
    }

    public RetryPolicy withMaxAttempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, budget);
    }

    public RetryPolicy withBudget(Duration budget) {
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, budget);
    }

    /** Whether this policy ever sends a request more than once. */
    public boolean retries() {
        return maxAttempts > 1;
    }

    /** The longest wait before retry number {@code retry} (1 for the first retry). */
    public Duration backoffCeiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries are counted from 1: " + retry);
        }
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, retry - 1);
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    /** The wait before retry number {@code retry}: drawn evenly between 0 and {@link #backoffCeiling(int)}. */
    public Duration backoff(int retry, RandomGenerator random) {
        long ceiling = backoffCeiling(retry).toMillis();
        return Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
    }

    private static void requireNotNegative(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + duration);
        }
    }
}
