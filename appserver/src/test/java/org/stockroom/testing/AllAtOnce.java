package org.stockroom.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Sends requests from threads of their own that all start at one signal, so that they really race
 * for the same rows, and collects every answer in the order the requests were made.
 */
public final class AllAtOnce {

    /** How long each answer may take; a 50-way race on a shared 2-core machine can queue for a while. */
    private static final long LONGEST_ANSWER_SECONDS = 90;

    private AllAtOnce() {
    }

    /** Calls {@code request} with 0 to {@code requests - 1}, all at once; the answers in that order. */
    public static <T> List<T> concurrently(int requests, IntFunction<T> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            List<Future<T>> pending = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int index = i;
                pending.add(threads.submit(() -> {
                    start.await();
                    return request.apply(index);
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : pending) {
                answers.add(answer.get(LONGEST_ANSWER_SECONDS, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();  // after a failure, no thread is left waiting on its own
        }
    }

    /** The same request {@code requests} times, all at once. */
    public static <T> List<T> concurrently(int requests, Supplier<T> request) throws Exception {
        return concurrently(requests, i -> request.get());
    }
}
