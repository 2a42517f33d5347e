package org.stockroom.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A test's client of {@code GET /api/v1/events}: java.net.http reading the response line by line,
 * the server-sent events parsed as the SSE specification says (enough of it for the tests), each
 * with the time it arrived. Comments (heartbeats) are kept too, so that a test can see them.
 */
public final class EventStream implements AutoCloseable {

    /** One event, or a comment ({@code name} "comment", its text in {@code data}), and when it arrived. */
    public record Event(String name, String id, String data, long arrivedNanos) {
        public boolean isComment() {
            return name.equals("comment");
        }
    }

    private static final Event ENDED = new Event("", "", "", 0);

    private final HttpClient http;
    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> reading;
    private volatile boolean ended;

    private EventStream(HttpClient http, HttpResponse<Stream<String>> response) {
        this.http = http;
        this.response = response;
        this.reading = CompletableFuture.runAsync(this::read, runnable -> Thread.ofVirtual().start(runnable));
    }

    /** Opens {@code /api/v1/events?query} at {@code server} with this token and {@code Last-Event-ID} (null: none). */
    public static EventStream open(URI server, String query, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve("/api/v1/events" + (query.isEmpty() ? "" : "?" + query)))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            return new EventStream(http, http.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public HttpResponse<Stream<String>> response() {
        return response;
    }

    private void read() {
        String name = null;
        String id = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name == null ? "message" : name, id, data.toString(), System.nanoTime()));
                    }
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event("comment", null, line.substring(1).strip(), System.nanoTime()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "event" -> name = value;
                        case "id" -> id = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (RuntimeException closedByTheTest) {
            // the body's stream fails once closed
        } finally {
            ended = true;
            events.add(ENDED);
        }
    }

    /** The next event (comments skipped) that matches, waiting at most {@code timeout}; fails if none comes. */
    public Event next(Predicate<Event> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event;
            try {
                event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (event == null) {
                throw new AssertionError("no such event within " + timeout);
            }
            if (event == ENDED) {
                events.add(ENDED);
                throw new AssertionError("the stream ended before such an event came");
            }
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    /** The next event of that name (comments skipped). */
    public Event next(String name, Duration timeout) {
        return next(event -> event.name().equals(name), timeout);
    }

    /** Every event and comment that has arrived and not been taken yet. */
    public List<Event> drain() {
        List<Event> drained = new ArrayList<>();
        events.drainTo(drained);
        drained.remove(ENDED);
        if (ended) {
            events.add(ENDED);
        }
        return drained;
    }

    /** Waits until the server ends the stream; how long after {@code sinceNanos} it ended, or fails after {@code timeout}. */
    public Duration awaitEnd(long sinceNanos, Duration timeout) {
        try {
            reading.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the stream was still open after " + timeout);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Duration.ofNanos(System.nanoTime() - sinceNanos);
    }

    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (RuntimeException ignored) {
            // already closed
        }
        http.close();
    }
}
