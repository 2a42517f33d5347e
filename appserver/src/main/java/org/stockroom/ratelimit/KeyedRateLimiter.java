package org.stockroom.ratelimit;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One resilience4j rate limiter per key (a user name, a client address): {@code perSecond}
 * requests in each one-second period, refused at once beyond that rather than made to wait.
 *
 * <p>Not a {@code RateLimiterRegistry}: that keeps every limiter forever, and the keys come from
 * the network. Here a limiter left idle for {@link #IDLE_AFTER} is dropped by a sweep: it has had
 * a whole period to refill, so a fresh one for the same key behaves exactly the same.
 */
final class KeyedRateLimiter {

    static final Duration PERIOD = Duration.ofSeconds(1);
    static final Duration IDLE_AFTER = PERIOD.multipliedBy(2);
    static final Duration SWEEP_EVERY = Duration.ofSeconds(5);
    /** Sweep early (but not more than once per {@link #IDLE_AFTER}) when this many keys pile up, e.g. a flood from many addresses. */
    static final int SWEEP_ABOVE_KEYS = 100_000;

    private final String name;
    private final RateLimiterConfig config;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Entry> limiters = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    KeyedRateLimiter(String name, int perSecond) {
        this(name, perSecond, System::nanoTime);
    }

    KeyedRateLimiter(String name, int perSecond, LongSupplier nanoTime) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request per second: " + perSecond);
        }
        this.name = name;
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(perSecond)
                .limitRefreshPeriod(PERIOD)
                .timeoutDuration(Duration.ZERO)  // refuse at once: a waiting request would hold a thread
                .build();
        this.nanoTime = nanoTime;
        this.lastSweep = new AtomicLong(nanoTime.getAsLong());
    }

    /**
     * Takes a permit for the key: 0 if there was one, else the whole seconds (at least 1)
     * until the key's next period brings new ones.
     */
    long acquire(String key) {
        long now = nanoTime.getAsLong();
        sweepIfDue(now);
        Entry entry = limiters.computeIfAbsent(key, k -> new Entry(RateLimiter.of(name + ":" + k, config)));
        entry.lastUsed = now;
        if (entry.limiter.acquirePermission()) {
            return 0;
        }
        long nanosToWait = entry.limiter.getDetailedMetrics().getNanosToWait();
        return Math.max(1, (nanosToWait + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    /** How many keys have a limiter now. */
    int size() {
        return limiters.size();
    }

    private void sweepIfDue(long now) {
        long last = lastSweep.get();
        long sinceLast = now - last;
        boolean due = sinceLast >= SWEEP_EVERY.toNanos()
                || (sinceLast >= IDLE_AFTER.toNanos() && limiters.size() > SWEEP_ABOVE_KEYS);
        if (due && lastSweep.compareAndSet(last, now)) {  // one thread sweeps, the others go on
            long idleSince = now - IDLE_AFTER.toNanos();
            // A request racing with the sweep may use a limiter just dropped: one extra permit at most.
            limiters.entrySet().removeIf(e -> e.getValue().lastUsed - idleSince < 0);
        }
    }

    private static final class Entry {
        final AtomicRateLimiter limiter;
        volatile long lastUsed;

        Entry(RateLimiter limiter) {
            this.limiter = (AtomicRateLimiter) limiter;  // RateLimiter.of makes one; it can say how long to wait
        }
    }
}
