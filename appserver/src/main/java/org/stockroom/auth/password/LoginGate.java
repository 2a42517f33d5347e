package org.stockroom.auth.password;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.stockroom.problem.ServerBusyException;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Bounds the log-ins (and other password work: PBKDF2, 100-200 ms of CPU each) that run at
 * once, apart from the database bulkhead: a burst of log-ins can take neither every CPU nor
 * more database places than there are permits, whatever its size. A few may wait for a permit,
 * briefly; beyond that one is refused at once with 503 and {@code Retry-After}, so the queue
 * never grows without bound.
 */
@ApplicationScoped
public class LoginGate {

    /** Checks that may wait for a permit, per permit: a burst is smoothed, a flood is refused. */
    static final int WAITING_PER_PERMIT = 4;
    /** The longest a check waits for a permit; a few checks' time. */
    static final Duration MAX_WAIT = Duration.ofSeconds(1);

    private final int permits;
    private final int maxWaiting;
    private final Duration maxWait;
    private final Semaphore running;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();

    @Inject
    public LoginGate(@ConfigProperty(name = "stockroom.login.concurrency", defaultValue = "0") int concurrency) {
        this(permitsFor(concurrency, Runtime.getRuntime().availableProcessors()), WAITING_PER_PERMIT, MAX_WAIT);
    }

    LoginGate(int permits, int waitingPerPermit, Duration maxWait) {
        this.permits = permits;
        this.maxWaiting = waitingPerPermit * permits;
        this.maxWait = maxWait;
        this.running = new Semaphore(permits, true);  // fair: first come, first checked
    }

    /** The configured number, or half the processors (at least 1) for 0: the other half stays for the requests. */
    static int permitsFor(int configured, int processors) {
        return configured > 0 ? configured : Math.max(1, processors / 2);
    }

    /** Runs the password work under a permit; 503 if none comes free within the bounded wait. */
    public <T> T check(Supplier<T> passwordWork) {
        if (!acquire()) {
            refused.incrementAndGet();
            throw new ServerBusyException("The server is at its limit of log-ins being checked; try again in a moment", 1);
        }
        try {
            return passwordWork.get();
        } finally {
            running.release();
        }
    }

    private boolean acquire() {
        if (running.tryAcquire()) {
            return true;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return running.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    int permits() {
        return permits;
    }

    int inUse() {
        return permits - running.availablePermits();
    }

    long refused() {
        return refused.get();
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object startup, MetricRegistry metrics) {
        metrics.gauge("stockroom.login.checks.max", this, LoginGate::permits);
        metrics.gauge("stockroom.login.checks.in.use", this, LoginGate::inUse);
        metrics.gauge("stockroom.login.checks.refused", this, LoginGate::refused);
    }
}
