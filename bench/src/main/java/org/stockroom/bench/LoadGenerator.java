package org.stockroom.bench;

import java.io.IOException;
import java.time.Duration;

/** Drives one operation at a concurrency for a time: wrk ({@link WrkLoad}) or the Java fallback ({@link HttpLoad}). */
interface LoadGenerator {

    /** Runs {@code clients} closed-loop clients for {@code duration} and returns what they measured. */
    Stats run(Operation operation, int clients, Duration duration) throws IOException, InterruptedException;
}
