package org.stockroom.client;

import org.stockroom.client.model.Movement;
import org.stockroom.client.model.StockLevel;
import org.stockroom.client.model.StockroomEvent;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * An open subscription to the live stream, from {@link Events#subscribe}: a thread of its own reads
 * the stream line by line ({@code BodyHandlers.ofLines()}), hands each event to the
 * {@link EventListener}, and opens the stream again when it breaks, with the {@code Last-Event-ID}
 * of the last event it got. Close it when done.
 */
public final class Subscription implements AutoCloseable {

    private final Transport transport;
    private final String path;
    private final EventListener listener;
    private final Duration silenceLimit;
    private final Duration firstWait;
    private final Duration longestWait;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile boolean closed;
    private volatile String lastEventId;
    private volatile Stream<String> openBody;
    private volatile long lastHeardNanos;
    private volatile boolean silent;
    private Thread thread;

    /** The data of {@code ready}. */
    public record ReadyData(long lastMovementId) {
    }

    /** The data of {@code reset}. */
    public record ResetData(String reason, String detail, long lastMovementId) {
    }

    private Subscription(Transport transport, String path, EventListener listener, Duration silenceLimit,
                         Duration firstWait, Duration longestWait) {
        this.transport = transport;
        this.path = path;
        this.listener = listener;
        this.silenceLimit = silenceLimit;
        this.firstWait = firstWait;
        this.longestWait = longestWait;
    }

    static Subscription start(Transport transport, String path, EventListener listener, Duration silenceLimit,
                              Duration firstWait, Duration longestWait) {
        Subscription subscription = new Subscription(transport, path, listener, silenceLimit, firstWait, longestWait);
        subscription.thread = Thread.ofVirtual().name("stockroom-events").start(subscription::run);
        return subscription;
    }

    /** The id of the last event received: where the next connection resumes. Null before any. */
    public String lastEventId() {
        return lastEventId;
    }

    /** Whether the subscription still runs (connected, or waiting to reconnect). */
    public boolean isOpen() {
        return !ended.isDone();
    }

    /**
     * Waits until the subscription ends: returns when it was closed, throws the server's refusal
     * ({@link NotAuthenticatedException} for a revoked or expired token, ...) when it ended on one.
     */
    public void await() throws InterruptedException {
        try {
            ended.get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    /** As {@link #await()}, for at most {@code timeout}; false if it is still open then. */
    public boolean await(Duration timeout) throws InterruptedException {
        try {
            ended.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    /** Ends the subscription: the stream is closed and not opened again. */
    @Override
    public void close() {
        closed = true;
        closeBody();
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        int failures = 0;
        Long serverRetryMillis = null;
        try {
            while (!closed) {
                Transport.EventStreamOutcome opened = transport.openEventStream(path, lastEventId);
                StockroomClientException failure = opened.failure();
                Duration retryAfter = opened.retryAfter();
                if (failure == null) {
                    Reading reading = read(opened.response());
                    failure = reading.why();
                    serverRetryMillis = reading.retryMillis().orElse(serverRetryMillis);
                    if (reading.events() > 0) {
                        failures = 0;  // it worked for a while: reconnect quickly
                    }
                }
                if (closed) {
                    break;
                }
                if (!mayReconnect(failure)) {
                    ended.completeExceptionally(failure);
                    return;
                }
                Duration wait = retryAfter != null ? retryAfter : backoff(failures++, serverRetryMillis);
                listener.onDisconnected(failure, wait);
                Thread.sleep(wait);
            }
            ended.complete(null);
        } catch (InterruptedException e) {
            ended.complete(null);  // closed while waiting
        } catch (RuntimeException e) {
            if (closed) {
                ended.complete(null);  // interrupted while opening, or the body closed under a listener
            } else {
                ended.completeExceptionally(e);  // an event this client cannot read, or the listener's own failure
            }
        }
    }

    /** How one connection ended: why (null when closed), the events it delivered, the server's {@code retry}. */
    private record Reading(StockroomClientException why, int events, Optional<Long> retryMillis) {
    }

    private Reading read(HttpResponse<Stream<String>> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
            response.body().close();
            return new Reading(new StockroomClientException("the server at " + transport.server()
                    + " answered the event stream with '" + type + "', not text/event-stream"), 0, Optional.empty());
        }
        SseParser parser = new SseParser(lastEventId);
        int events = 0;
        silent = false;
        lastHeardNanos = System.nanoTime();
        openBody = response.body();
        if (closed) {
            closeBody();
        }
        Thread watchdog = Thread.ofVirtual().name("stockroom-events-watchdog").start(this::closeWhenSilent);
        listener.onConnected();
        try (Stream<String> lines = response.body()) {
            Iterator<String> each = lines.iterator();
            while (each.hasNext()) {
                String line = each.next();
                lastHeardNanos = System.nanoTime();
                Optional<SseParser.Message> message = parser.line(line);
                if (message.isPresent()) {
                    lastEventId = message.get().lastEventId();
                    deliver(message.get());
                    events++;
                }
            }
            return new Reading(ended("the event stream ended"), events, parser.retryMillis());
        } catch (UncheckedIOException | IllegalStateException broken) {
            return new Reading(closed ? null : ended("the event stream broke: " + broken.getMessage()), events,
                    parser.retryMillis());
        } finally {
            watchdog.interrupt();
            openBody = null;
        }
    }

    private ServerUnreachableException ended(String why) {
        return new ServerUnreachableException(transport.server(),
                silent ? "the event stream was silent for more than " + silenceLimit.toSeconds() + " s" : why, null);
    }

    /** Closes the stream when nothing, not even a heartbeat, came for longer than the silence limit. */
    private void closeWhenSilent() {
        long limit = silenceLimit.toNanos();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long left = limit - (System.nanoTime() - lastHeardNanos);
                if (left <= 0) {
                    silent = true;
                    closeBody();
                    return;
                }
                TimeUnit.NANOSECONDS.sleep(left);
            }
        } catch (InterruptedException e) {
            // the connection ended first
        }
    }

    private void closeBody() {
        Stream<String> body = openBody;
        if (body != null) {
            try {
                body.close();
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        }
    }

    private void deliver(SseParser.Message message) {
        String id = message.lastEventId();
        switch (message.event()) {
            case "movement" -> listener.onEvent(new StockroomEvent.Moved(id, transport.parse(message.data(), Movement.class)));
            case "level" -> listener.onEvent(new StockroomEvent.Level(id, transport.parse(message.data(), StockLevel.class)));
            case "ready" -> {
                ReadyData ready = transport.parse(message.data(), ReadyData.class);
                listener.onEvent(new StockroomEvent.Ready(id, ready.lastMovementId()));
            }
            case "reset" -> {
                ResetData reset = transport.parse(message.data(), ResetData.class);
                listener.onEvent(new StockroomEvent.Reset(id, reset.reason(), reset.detail(), reset.lastMovementId()));
            }
            default -> {
                // an event this client does not know yet: a newer server's
            }
        }
    }

    /** Whether opening the stream again may help: as for any read, and also after a 429. */
    private static boolean mayReconnect(StockroomClientException failure) {
        return Transport.mayPass(failure) || failure instanceof ProblemException problem && problem.status() == 429;
    }

    /** Half the ceiling plus a random part of the other half; the ceiling doubles with each failure in a row. */
    private Duration backoff(int failuresInARow, Long serverRetryMillis) {
        long base = serverRetryMillis != null ? serverRetryMillis : firstWait.toMillis();
        long ceiling = Math.min(longestWait.toMillis(), base << Math.min(failuresInARow, 20));
        long half = Math.max(1, ceiling / 2);
        return Duration.ofMillis(half + transport.random().nextLong(half + 1));
    }

    private static RuntimeException rethrown(Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime : new StockroomClientException(cause.toString(), cause);
    }
}
