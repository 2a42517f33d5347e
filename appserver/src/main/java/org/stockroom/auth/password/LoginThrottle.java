package org.stockroom.auth.password;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.stockroom.ratelimit.TooManyRequestsException;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses log-ins with 429 after too many failures, per user name and client address, per
 * address and per user name (docs/security.md#failed-log-ins). The counts live in PostgreSQL,
 * so that every app server on the database sees the same ones. Each method joins the caller's
 * transaction.
 *
 * <p>A refusal read from the database is also remembered here until its window ends, so that a
 * guesser who keeps sending costs no database work either: a window only fills up until it ends
 * (a success cannot clear a pair that is refused before its password is checked). Every
 * {@link #RECHECK_EVERY} one attempt of a remembered refusal is let through to ask the database
 * again, while the others are still refused from memory; so a window deleted by hand (to let a
 * user in at once) is seen within that time, and the memory never lets through what the
 * database refuses.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Ended windows deleted, at most, by one clean-up. */
    static final int CLEANUP_BATCH = 100;
    /** One recorded failure in this many also cleans up: up to six ended windows per failure, more than ever end. */
    static final int CLEANUP_EVERY = 16;

    /** How often one attempt of a remembered refusal asks the database again. */
    public static final Duration RECHECK_EVERY = Duration.ofSeconds(2);
    /** Refusals remembered at most; beyond that (a flood from very many addresses) each asks the database. */
    static final int MAX_REMEMBERED = 100_000;

    private final FailureLimits limits;
    private final LoginFailureRepository failures;
    /** Key of the full window (scope, key in Java's lower case) -> when it ends and when to ask again, in nanoTime. */
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    @Inject
    public LoginThrottle(
            @ConfigProperty(name = "stockroom.login.failures.per-user-and-address", defaultValue = "5") int perUserAndAddress,
            @ConfigProperty(name = "stockroom.login.failures.per-address", defaultValue = "20") int perAddress,
            @ConfigProperty(name = "stockroom.login.failures.per-user", defaultValue = "100") int perUser,
            @ConfigProperty(name = "stockroom.login.failures.window", defaultValue = "PT15M") Duration window,
            LoginFailureRepository failures) {
        this.limits = new FailureLimits(perUserAndAddress, perAddress, perUser, window);
        this.failures = failures;
    }

    /**
     * 429 with {@code Retry-After} if this server found a window of such an attempt full and the
     * window has not ended: no database work at all. Every {@link #RECHECK_EVERY}, one attempt
     * is let through instead, to ask the database again.
     */
    public void refuseIfRemembered(String username, String address) {
        long now = System.nanoTime();
        for (FailureScope scope : FailureScope.values()) {
            String key = memoryKey(scope, username, address);
            Remembered refusal = remembered.get(key);
            if (refusal == null || now - refusal.windowEndsAt() >= 0) {
                continue;
            }
            boolean recheckDue = now - refusal.recheckAt() >= 0;
            // One attempt claims the recheck; the others go on being refused from memory meanwhile.
            if (!recheckDue || !remembered.replace(key, refusal, refusal.recheckedAt(now))) {
                throw refuse(new FailureLimits.Refusal(scope, Duration.ofNanos(refusal.windowEndsAt() - now)));
            }
        }
    }

    /** 429 with {@code Retry-After} if a window of this attempt is full: to be asked before any password work. */
    public void refuseIfThrottled(String username, String address) {
        Optional<FailureLimits.Refusal> found = limits.refusal(failures.windowsOf(username, address));
        if (found.isEmpty()) {
            for (FailureScope scope : FailureScope.values()) {
                remembered.remove(memoryKey(scope, username, address));  // ended, or deleted by hand
            }
            return;
        }
        remember(memoryKey(found.get().scope(), username, address), found.get(), System.nanoTime());
        throw refuse(found.get());
    }

    private TooManyRequestsException refuse(FailureLimits.Refusal refusal) {
        refused.incrementAndGet();
        return new TooManyRequestsException("Too many failed log-ins " + describe(refusal.scope())
                + "; try again in " + refusal.retryAfterSeconds() + " s", refusal.retryAfterSeconds());
    }

    private void remember(String key, FailureLimits.Refusal refusal, long now) {
        long last = lastSweep.get();
        if (now - last >= RECHECK_EVERY.toNanos() && lastSweep.compareAndSet(last, now)) {  // one sweeper at a time
            remembered.values().removeIf(old -> now - old.windowEndsAt() >= 0);
        }
        if (remembered.size() < MAX_REMEMBERED) {
            remembered.put(key, new Remembered(now + refusal.waitFor().toNanos(), now + RECHECK_EVERY.toNanos()));
        }
    }

    /** The same three keys as the database's, lower-cased by Java: at worst a miss, which asks the database. */
    private static String memoryKey(FailureScope scope, String username, String address) {
        String name = username.toLowerCase(Locale.ROOT);
        return scope.column() + "|" + switch (scope) {
            case USER_AND_ADDRESS -> address + " " + name;
            case ADDRESS -> address;
            case USER -> name;
        };
    }

    private record Remembered(long windowEndsAt, long recheckAt) {

        Remembered recheckedAt(long now) {
            return new Remembered(windowEndsAt, now + RECHECK_EVERY.toNanos());
        }
    }

    public void recordFailure(String username, String address) {
        failures.recordFailure(username, address, limits.window());
        if (recorded.incrementAndGet() % CLEANUP_EVERY == 0) {
            failures.deleteEnded(limits.window(), CLEANUP_BATCH);
        }
    }

    /** A successful log-in forgets its user name's failures from its address; the other counts stay. */
    public void forgetFailures(String username, String address) {
        failures.forget(username, address);
    }

    private static String describe(FailureScope scope) {
        return switch (scope) {
            case USER_AND_ADDRESS -> "for this user name from your address";
            case ADDRESS -> "from your address";
            case USER -> "for this user name";
        };
    }

    long refused() {
        return refused.get();
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object startup, MetricRegistry metrics) {
        metrics.gauge("stockroom.login.throttled", this, LoginThrottle::refused);
    }
}
