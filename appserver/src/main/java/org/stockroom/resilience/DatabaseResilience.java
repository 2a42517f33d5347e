package org.stockroom.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.stockroom.persistence.DatabaseFailure;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The policies every unit of database work runs under, outermost first:
 * <ol>
 * <li><b>retry</b>: the whole unit is run again, with exponential backoff and jitter, when it
 *     failed in a way that certainly committed nothing ({@link DatabaseFailure#isSafeToRetry}),
 *     for a bounded number of attempts within a bounded total time; never for constraint,
 *     validation or business-rule refusals;</li>
 * <li><b>circuit breaker</b>: after a sustained rate of database outages (or of slow calls) it
 *     opens and refuses work at once with a 503 for a while, without touching the pool, then
 *     lets a few probes through and closes again when they succeed;</li>
 * <li><b>bulkhead</b>: a bound on concurrent database work, so a slow database cannot tie up
 *     every request. By default twice the connection pool: a burst of clients then queues here
 *     (refused with a 503 "at its limit" after {@code max-wait}, never counted as an outage) and
 *     not in the pool, whose timeout the breaker does count.</li>
 * </ol>
 * Each setting is a MicroProfile Config property ({@link ResilienceSettings}), see
 * {@code microprofile-config.properties}.
 */
@ApplicationScoped
public class DatabaseResilience {

    private static final Logger LOG = Logger.getLogger(DatabaseResilience.class.getName());

    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final Duration openStateWait;
    private final AtomicReference<Throwable> lastFailure = new AtomicReference<>();
    private final Duration maxTotal;
    /** When the current call's retries must stop: calls run each on their own (virtual) thread. */
    private final ThreadLocal<Long> retryDeadline = ThreadLocal.withInitial(() -> Long.MIN_VALUE);

    @Inject
    public DatabaseResilience(Config config) {
        this(ResilienceSettings.from(config));
    }

    DatabaseResilience(ResilienceSettings settings) {
        ResilienceSettings.RetrySettings retrySettings = settings.retry();
        ResilienceSettings.BreakerSettings breakerSettings = settings.breaker();
        ResilienceSettings.BulkheadSettings bulkheadSettings = settings.bulkhead();
        this.openStateWait = breakerSettings.openFor();
        this.maxTotal = retrySettings.maxTotal();
        this.retry = Retry.of("database", RetryConfig.custom()
                .maxAttempts(retrySettings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(retrySettings.initialBackoff(), 2.0, 0.5,
                        retrySettings.maxBackoff()))
                // Retry only what certainly committed nothing, and only within the time budget.
                .retryOnException(failure -> DatabaseFailure.isSafeToRetry(failure)
                        && System.nanoTime() < retryDeadline.get())
                .failAfterMaxAttempts(false)
                .build());
        this.breaker = CircuitBreaker.of("database", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breakerSettings.windowCalls())
                .minimumNumberOfCalls(breakerSettings.minimumCalls())
                .failureRateThreshold(breakerSettings.failureRatePercent())
                .slowCallDurationThreshold(breakerSettings.slowCall())
                .slowCallRateThreshold(breakerSettings.slowCallRatePercent())
                .waitDurationInOpenState(breakerSettings.openFor())
                // Half-open by itself after openFor, not only when a call comes: behind a load
                // balancer an open breaker makes the server unready (DatabaseHealthCheck), so no
                // call would ever come, and the server would stay out of service for good.
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(breakerSettings.halfOpenCalls())
                // Only outages count against the database; a refused request is a healthy answer.
                .recordException(failure -> DatabaseFailure.of(failure).orElse(DatabaseFailure.OTHER)
                        == DatabaseFailure.UNAVAILABLE)
                .build());
        this.bulkhead = Bulkhead.of("database", BulkheadConfig.custom()
                .maxConcurrentCalls(bulkheadLimit(bulkheadSettings.maxConcurrent(), bulkheadSettings.poolSize()))
                .maxWaitDuration(bulkheadSettings.maxWait())
                .build());

        breaker.getEventPublisher().onError(event -> lastFailure.set(event.getThrowable()));
        breaker.getEventPublisher().onStateTransition(event -> LOG.warning(() -> "Database circuit breaker "
                + event.getStateTransition().getFromState() + " -> " + event.getStateTransition().getToState()
                + describeCause()));
        retry.getEventPublisher().onRetry(event -> LOG.info(() -> "Retrying a database transaction (attempt "
                + (event.getNumberOfRetryAttempts() + 1) + ") after " + event.getLastThrowable()));
    }

    /** Runs one unit of database work under the retry, breaker and bulkhead. */
    public Object call(Callable<Object> work) throws Exception {
        return run(Retry.decorateCallable(retry,
                CircuitBreaker.decorateCallable(breaker, Bulkhead.decorateCallable(bulkhead, work))),
                System.nanoTime() + maxTotal.toNanos());
    }

    /**
     * Runs one long unit of database work (a CSV import: minutes for a million rows) under the same
     * retry, breaker and bulkhead, with two differences. Its length is not held against the database:
     * the breaker refuses it while open and counts its outages, but never counts it as a slow call
     * (a few long imports would otherwise open the breaker for everyone). And its retries are bounded
     * by the attempts alone, not by the time budget of a short call, which a long unit outlives.
     */
    public Object callLong(Callable<Object> work) throws Exception {
        Callable<Object> limited = Bulkhead.decorateCallable(bulkhead, work);
        return run(Retry.decorateCallable(retry, () -> {
            breaker.acquirePermission();
            long start = System.nanoTime();
            try {
                Object result = limited.call();
                breaker.onSuccess(0, TimeUnit.NANOSECONDS);  // done: how long it took says nothing of the database
                return result;
            } catch (Exception e) {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
                throw e;
            }
        }), Long.MAX_VALUE);
    }

    private Object run(Callable<Object> guarded, long deadline) throws Exception {
        retryDeadline.set(deadline);
        try {
            return guarded.call();
        } catch (CallNotPermittedException e) {
            throw new DatabaseUnavailableException("The database is unavailable; requests are refused at once"
                    + " until it recovers", openStateWait.toSeconds());
        } catch (BulkheadFullException e) {
            throw new DatabaseUnavailableException("The server is at its limit of concurrent database work", 1);
        } finally {
            retryDeadline.remove();
        }
    }

    /**
     * The configured limit, or twice the pool when none is set (0). Twice, not once: while one
     * transaction commits and hands its connection back, the next is already parsed and waiting.
     * Not much more: what waits beyond that should wait here, in arrival order and refused as
     * "at its limit", not in the pool, whose timeout the breaker counts as an outage. With 64 over
     * a pool of 10 the benchmark's p99 at 32 and 128 clients was about twice as long
     * (docs/benchmarks.md).
     */
    static int bulkheadLimit(int configured, int poolSize) {
        return configured > 0 ? configured : 2 * Math.max(1, poolSize);
    }

    Retry retry() {
        return retry;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    Bulkhead bulkhead() {
        return bulkhead;
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    public Retry.Metrics retryMetrics() {
        return retry.getMetrics();
    }

    public CircuitBreaker.Metrics breakerMetrics() {
        return breaker.getMetrics();
    }

    private String describeCause() {
        Throwable cause = lastFailure.get();
        return cause == null ? "" : "; last failure: " + cause;
    }
}
