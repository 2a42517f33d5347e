package org.stockroom.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Publishes the resilience policies' state as MicroProfile metrics, which the runtime
 * serves at {@code /metrics} in Prometheus text format, e.g.
 * {@code stockroom_database_breaker_state{mp_scope="application"} 0.0}.
 */
@ApplicationScoped
public class ResilienceMetrics {

    private final DatabaseResilience resilience;
    private final MetricRegistry registry;

    @Inject
    public ResilienceMetrics(DatabaseResilience resilience, MetricRegistry registry) {
        this.resilience = resilience;
        this.registry = registry;
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object startup) {
        registry.gauge("stockroom.database.breaker.state", resilience, r -> stateCode(r.breakerState()));
        registry.gauge("stockroom.database.breaker.failure.rate.percent", resilience,
                r -> Math.max(0, r.breaker().getMetrics().getFailureRate()));
        registry.gauge("stockroom.database.breaker.slow.call.rate.percent", resilience,
                r -> Math.max(0, r.breaker().getMetrics().getSlowCallRate()));
        registry.gauge("stockroom.database.calls.succeeded.after.retry", resilience,
                r -> r.retry().getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt());
        registry.gauge("stockroom.database.calls.failed.after.retry", resilience,
                r -> r.retry().getMetrics().getNumberOfFailedCallsWithRetryAttempt());
        registry.gauge("stockroom.database.bulkhead.available", resilience,
                r -> r.bulkhead().getMetrics().getAvailableConcurrentCalls());
        registry.gauge("stockroom.database.bulkhead.max", resilience,
                r -> r.bulkhead().getMetrics().getMaxAllowedConcurrentCalls());

        resilience.retry().getEventPublisher().onRetry(event -> registry.counter("stockroom.database.retries").inc());
        resilience.breaker().getEventPublisher().onStateTransition(event -> registry.counter(
                "stockroom.database.breaker.transitions",
                new Tag("to", event.getStateTransition().getToState().name())).inc());
        resilience.breaker().getEventPublisher().onCallNotPermitted(event -> registry.counter(
                "stockroom.database.rejected", new Tag("by", "circuit-breaker")).inc());
        resilience.bulkhead().getEventPublisher().onCallRejected(event -> registry.counter(
                "stockroom.database.rejected", new Tag("by", "bulkhead")).inc());
        resilience.breaker().getEventPublisher().onSuccess(event -> registry.timer("stockroom.database.call.duration")
                .update(event.getElapsedDuration()));
        resilience.breaker().getEventPublisher().onError(event -> registry.timer("stockroom.database.call.duration")
                .update(event.getElapsedDuration()));
    }

    /** 0 closed, 1 open, 2 half-open, 3 anything else (disabled, forced, metrics-only). */
    private static double stateCode(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED -> 0;
            case OPEN -> 1;
            case HALF_OPEN -> 2;
            default -> 3;
        };
    }
}
