package org.stockroom.resilience;

import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * The settings of {@link DatabaseResilience}, one record per policy, read from MicroProfile
 * Config under the same property names and with the same defaults as in
 * {@code microprofile-config.properties}.
 */
public record ResilienceSettings(RetrySettings retry, BreakerSettings breaker, BulkheadSettings bulkhead) {

    /** {@code stockroom.retry.*}: how often and for how long a unit that committed nothing is run again. */
    public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotal) {
    }

    /** {@code stockroom.breaker.*}: when the database counts as down, and for how long. */
    public record BreakerSettings(float failureRatePercent, int windowCalls, int minimumCalls, Duration slowCall,
                                  float slowCallRatePercent, Duration openFor, int halfOpenCalls) {
    }

    /**
     * {@code stockroom.bulkhead.*}: the bound on concurrent database work ({@code maxConcurrent}
     * 0: twice {@code poolSize}, the data source's {@code maximumPoolSize}).
     */
    public record BulkheadSettings(int maxConcurrent, Duration maxWait, int poolSize) {
    }

    /** The settings as configured, each missing one at its default. */
    public static ResilienceSettings from(Config config) {
        return new ResilienceSettings(
                new RetrySettings(
                        value(config, "stockroom.retry.max-attempts", Integer.class, 4),
                        value(config, "stockroom.retry.initial-backoff", Duration.class, Duration.ofMillis(50)),
                        value(config, "stockroom.retry.max-backoff", Duration.class, Duration.ofSeconds(1)),
                        value(config, "stockroom.retry.max-total", Duration.class, Duration.ofSeconds(10))),
                new BreakerSettings(
                        value(config, "stockroom.breaker.failure-rate-percent", Float.class, 50f),
                        value(config, "stockroom.breaker.window-calls", Integer.class, 20),
                        value(config, "stockroom.breaker.minimum-calls", Integer.class, 5),
                        value(config, "stockroom.breaker.slow-call", Duration.class, Duration.ofSeconds(3)),
                        value(config, "stockroom.breaker.slow-call-rate-percent", Float.class, 80f),
                        value(config, "stockroom.breaker.open-for", Duration.class, Duration.ofSeconds(5)),
                        value(config, "stockroom.breaker.half-open-calls", Integer.class, 3)),
                new BulkheadSettings(
                        value(config, "stockroom.bulkhead.max-concurrent", Integer.class, 0),
                        value(config, "stockroom.bulkhead.max-wait", Duration.class, Duration.ofSeconds(1)),
                        value(config, "javax.sql.DataSource.stockroom.maximumPoolSize", Integer.class, 10)));
    }

    private static <T> T value(Config config, String name, Class<T> type, T defaultValue) {
        return config.getOptionalValue(name, type).orElse(defaultValue);
    }
}
