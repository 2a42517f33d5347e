package org.stockroom.health;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.stockroom.resilience.DatabaseResilience;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Ready only while PostgreSQL answers and the circuit breaker lets work through: a load
 * balancer stops sending work when either fails. Bounded by the pool's connection timeout.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final DatabaseResilience resilience;

    @Inject
    public DatabaseHealthCheck(@Named("stockroom") DataSource dataSource, DatabaseResilience resilience) {
        this.dataSource = dataSource;
        this.resilience = resilience;
    }

    @Override
    public HealthCheckResponse call() {
        CircuitBreaker.State breaker = resilience.breakerState();
        if (breaker == CircuitBreaker.State.OPEN || breaker == CircuitBreaker.State.FORCED_OPEN) {
            // The breaker is refusing work: say so without touching the database or the pool.
            return HealthCheckResponse.named("database").down().withData("circuitBreaker", breaker.name()).build();
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(TIMEOUT_SECONDS);
            return HealthCheckResponse.named("database").status(valid)
                    .withData("circuitBreaker", breaker.name()).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().withData("error", e.getMessage()).build();
        }
    }
}
