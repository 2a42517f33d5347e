package org.stockroom.auth.password;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stockroom.problem.ServerBusyException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounded concurrency of password checks, with no server. */
@Timeout(20)
class LoginGateTest {

    @Test
    void givenNoConfiguredConcurrency_thenHalfTheProcessorsAndAtLeastOne() {
        assertThat(LoginGate.permitsFor(0, 1)).isEqualTo(1);
        assertThat(LoginGate.permitsFor(0, 2)).isEqualTo(1);
        assertThat(LoginGate.permitsFor(0, 8)).isEqualTo(4);
        assertThat(LoginGate.permitsFor(3, 8)).isEqualTo(3);
    }

    @Test
    void givenAFreePermit_thenTheWorkRunsAndThePermitIsReturned() {
        LoginGate gate = new LoginGate(1, 2, Duration.ofMillis(100));

        assertThat(gate.check(() -> "checked")).isEqualTo("checked");
        assertThatThrownBy(() -> gate.check(() -> {
            throw new IllegalStateException("failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(gate.inUse()).isZero();
        assertThat(gate.check(() -> "again")).isEqualTo("again");
    }

    @Test
    void givenManyChecksAtOnce_thenNoMoreThanThePermitsRunAndTheRestWaitOrAreRefusedWithRetryAfter() throws Exception {
        LoginGate gate = new LoginGate(2, 2, Duration.ofSeconds(5));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        List<Future<String>> outcomes = new ArrayList<>();

        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                outcomes.add(callers.submit(() -> {
                    try {
                        return gate.check(() -> {
                            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                            await(release);
                            running.decrementAndGet();
                            return "checked";
                        });
                    } catch (ServerBusyException e) {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.retryAfterSeconds()).isPositive();
                        return "busy";
                    }
                }));
            }
            // 2 run, 4 wait (2 per permit), 4 are refused at once: wait for the refusals, then let the rest through.
            long busy = 0;
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); busy < 4 && System.nanoTime() < deadline; ) {
                busy = outcomes.stream().filter(f -> f.isDone() && "busy".equals(f.resultNow())).count();
                Thread.sleep(10);
            }
            release.countDown();
        }

        assertThat(outcomes).extracting(Future::resultNow).containsOnly("checked", "busy");
        assertThat(outcomes.stream().filter(f -> f.resultNow().equals("busy")).count()).isEqualTo(4);
        assertThat(mostRunning.get()).isEqualTo(2);
        assertThat(gate.inUse()).isZero();
        assertThat(gate.refused()).isEqualTo(4);
    }

    @Test
    void givenAPermitThatStaysTakenLongerThanTheWait_thenTheWaiterIsRefused() throws Exception {
        LoginGate gate = new LoginGate(1, 4, Duration.ofMillis(200));
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        try (ExecutorService holder = Executors.newVirtualThreadPerTaskExecutor()) {
            holder.submit(() -> gate.check(() -> {
                taken.countDown();
                await(release);
                return null;
            }));
            taken.await();
            long start = System.nanoTime();

            assertThatThrownBy(() -> gate.check(() -> "never")).isInstanceOf(ServerBusyException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150), Duration.ofSeconds(3));
            release.countDown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
