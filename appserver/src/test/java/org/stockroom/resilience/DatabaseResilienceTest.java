package org.stockroom.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.stockroom.problem.ConflictException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseResilienceTest {

    private static DatabaseResilience policies(int maxAttempts, int maxConcurrent) {
        return policies(maxAttempts, maxConcurrent, Duration.ofSeconds(10));
    }

    private static DatabaseResilience policies(int maxAttempts, int maxConcurrent, Duration maxTotal) {
        return new DatabaseResilience(settings(maxAttempts, maxTotal, maxConcurrent, 10));
    }

    private static ResilienceSettings settings(int maxAttempts, Duration maxTotal, int maxConcurrent, int poolSize) {
        return new ResilienceSettings(
                new ResilienceSettings.RetrySettings(maxAttempts, Duration.ofMillis(1), Duration.ofMillis(5), maxTotal),
                new ResilienceSettings.BreakerSettings(50, 10, 4, Duration.ofSeconds(10), 100, Duration.ofSeconds(7), 1),
                new ResilienceSettings.BulkheadSettings(maxConcurrent, Duration.ofMillis(50), poolSize));
    }

    @Test
    void givenNoBulkheadLimitIsSet_whenBuilt_thenItIsTwiceThePool() {
        assertThat(DatabaseResilience.bulkheadLimit(0, 10)).isEqualTo(20);
        assertThat(DatabaseResilience.bulkheadLimit(0, 4)).isEqualTo(8);
        assertThat(DatabaseResilience.bulkheadLimit(64, 10)).isEqualTo(64);

        DatabaseResilience resilience = new DatabaseResilience(settings(1, Duration.ofSeconds(10), 0, 3));
        assertThat(resilience.bulkhead().getBulkheadConfig().getMaxConcurrentCalls()).isEqualTo(6);
    }

    @Test
    void givenTheTimeBudgetIsSpent_whenATransientFailureComes_thenItIsNotRetriedAgain() {
        DatabaseResilience resilience = policies(10, 10, Duration.ofMillis(150));
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> resilience.call(() -> {
            attempts.incrementAndGet();
            Thread.sleep(100);
            throw wrapped("40001");
        })).hasRootCauseInstanceOf(SQLException.class);
        assertThat(attempts).hasValueBetween(2, 3);  // not the 10 the attempt limit would allow
    }

    private static RuntimeException wrapped(String sqlState) {
        return new RuntimeException("from JPA", new SQLException("from PostgreSQL", sqlState));
    }

    @Test
    void givenADeadlockTwice_whenCalled_thenTheWholeUnitIsRunAgainUntilItSucceeds() throws Exception {
        DatabaseResilience resilience = policies(4, 10);
        AtomicInteger attempts = new AtomicInteger();

        Object result = resilience.call(() -> {
            if (attempts.incrementAndGet() <= 2) {
                throw wrapped("40P01");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void givenAConstraintViolation_whenCalled_thenItIsNotRetried() {
        DatabaseResilience resilience = policies(4, 10);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> resilience.call(() -> {
            attempts.incrementAndGet();
            throw wrapped("23505");
        })).hasRootCauseInstanceOf(SQLException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void givenABusinessRefusal_whenCalled_thenItIsNeitherRetriedNorCountedAgainstTheDatabase() {
        DatabaseResilience resilience = policies(4, 10);
        AtomicInteger attempts = new AtomicInteger();

        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> resilience.call(() -> {
                attempts.incrementAndGet();
                throw new ConflictException("t", "Conflict", "no");
            })).isInstanceOf(ConflictException.class);
        }
        assertThat(attempts).hasValue(10);
        assertThat(resilience.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void givenAConnectionLostMidTransaction_whenCalled_thenItIsNotRetriedSinceTheCommitMayHaveLanded() {
        DatabaseResilience resilience = policies(4, 10);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> resilience.call(() -> {
            attempts.incrementAndGet();
            throw wrapped("08006");
        })).isInstanceOf(RuntimeException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void givenRetriesRunOut_whenCalled_thenTheLastFailureIsThrown() {
        DatabaseResilience resilience = policies(3, 10);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> resilience.call(() -> {
            attempts.incrementAndGet();
            throw new SQLTransientConnectionException("pool timed out");
        })).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void givenSustainedOutages_whenCalled_thenTheBreakerOpensAndRefusesAtOnceWithRetryAfter() {
        DatabaseResilience resilience = policies(1, 10);
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> resilience.call(() -> {
                attempts.incrementAndGet();
                throw wrapped("08006");
            })).isNotInstanceOf(DatabaseUnavailableException.class);
        }
        assertThat(resilience.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);

        long started = System.nanoTime();
        assertThatThrownBy(() -> resilience.call(() -> {
            attempts.incrementAndGet();
            return "never";
        }))
                .isInstanceOfSatisfying(DatabaseUnavailableException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfterSeconds()).isEqualTo(7);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
        assertThat(attempts).hasValue(4);
    }

    @Test
    void givenLongUnitsOfWork_whenRun_thenTheirLengthIsNoSlowCallButTheirOutagesCount() throws Exception {
        ResilienceSettings slowAfterAMillisecond = new ResilienceSettings(
                new ResilienceSettings.RetrySettings(1, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(10)),
                new ResilienceSettings.BreakerSettings(50, 10, 4, Duration.ofMillis(1), 100, Duration.ofSeconds(7), 1),
                new ResilienceSettings.BulkheadSettings(10, Duration.ofMillis(50), 10));
        DatabaseResilience shortCalls = new DatabaseResilience(slowAfterAMillisecond);
        DatabaseResilience longCalls = new DatabaseResilience(slowAfterAMillisecond);
        for (int i = 0; i < 4; i++) {
            shortCalls.call(() -> {
                Thread.sleep(5);
                return "slow";
            });
            longCalls.callLong(() -> {
                Thread.sleep(5);
                return "long";
            });
        }
        assertThat(shortCalls.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(longCalls.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> longCalls.callLong(() -> {
                throw wrapped("08006");
            })).isNotInstanceOf(DatabaseUnavailableException.class);
        }
        assertThat(longCalls.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> longCalls.callLong(() -> "never")).isInstanceOf(DatabaseUnavailableException.class);
    }

    @Test
    void givenALongUnitOutlivesTheTimeBudget_whenADeadlockComes_thenItIsStillRetried() throws Exception {
        DatabaseResilience resilience = policies(3, 10, Duration.ofMillis(1));
        AtomicInteger attempts = new AtomicInteger();

        Object result = resilience.callLong(() -> {
            Thread.sleep(20);
            if (attempts.incrementAndGet() == 1) {
                throw wrapped("40P01");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void givenTheBulkheadIsFull_whenAnotherCallComes_thenItIsRefusedWith503() throws Exception {
        DatabaseResilience resilience = policies(1, 1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Object> first = other.submit(() -> resilience.call(() -> {
                holding.countDown();
                return release.await(5, TimeUnit.SECONDS);
            }));
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> resilience.call(() -> "second"))
                    .isInstanceOfSatisfying(DatabaseUnavailableException.class,
                            e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));

            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(true);
        } finally {
            other.shutdownNow();
        }
    }
}
