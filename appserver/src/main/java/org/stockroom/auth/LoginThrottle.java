package org.stockroom.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.stockroom.ratelimit.TooManyRequestsException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses log-ins with 429 after too many failures, per user name and client address, per
 * address and per user name (docs/security.md#failed-log-ins). The counts live in PostgreSQL,
 * so that every app server on the database sees the same ones. Each method joins the caller's
 * transaction.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Ended windows deleted, at most, by one clean-up. */
    static final int CLEANUP_BATCH = 100;
    /** One recorded failure in this many also cleans up: up to six ended windows per failure, more than ever end. */
    static final int CLEANUP_EVERY = 16;

    private final FailureLimits limits;
    private final LoginFailureRepository failures;
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

    /** 429 with {@code Retry-After} if a window of this attempt is full: to be asked before any password work. */
    public void refuseIfThrottled(String username, String address) {
        limits.refusal(failures.windowsOf(username, address)).ifPresent(refusal -> {
            refused.incrementAndGet();
            throw new TooManyRequestsException("Too many failed log-ins " + describe(refusal.scope())
                    + "; try again in " + refusal.retryAfterSeconds() + " s", refusal.retryAfterSeconds());
        });
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
