package org.stockroom.client;

import java.time.Duration;

/**
 * Waits between retries. The client sleeps through this so that tests can record the waits
 * instead of spending them; see {@link StockroomClient.Builder#sleeper(Sleeper)}.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: {@link Thread#sleep(Duration)}. */
    static Sleeper system() {
        return Thread::sleep;
    }
}
