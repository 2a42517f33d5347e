package org.stockroom.events;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open stream: what it wants ({@link EventFilter}), whose token keeps it open, and a bounded
 * queue of events that a virtual thread of its own writes to the client, a heartbeat comment
 * whenever nothing was sent for a while. The hub's threads only ever put events in the queue, so
 * a slow client delays nobody else; one that falls too far behind is ended, and resumes.
 */
final class Subscriber {

    private static final Logger LOG = Logger.getLogger(Subscriber.class.getName());
    private static final StreamEvent END = new StreamEvent("", "", "", -1);
    /** What the stream's first lines ask a client to wait before reconnecting (SSE's {@code retry}). */
    static final long RECONNECT_DELAY_MILLIS = 1_000;

    private final EventHub hub;
    private final SseEventSink sink;
    private final Sse sse;
    private final EventFilter filter;
    private final String tokenHash;
    private final Instant expiresAt;
    private final Duration heartbeat;
    private final BlockingQueue<StreamEvent> queue;
    private final AtomicReference<String> ended = new AtomicReference<>();
    private volatile Set<Long> replayed = Set.of();
    private volatile Thread writer;

    Subscriber(EventHub hub, SseEventSink sink, Sse sse, EventFilter filter, String tokenHash, Instant expiresAt,
               Duration heartbeat, int queueLimit) {
        this.hub = hub;
        this.sink = sink;
        this.sse = sse;
        this.filter = filter;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
        this.heartbeat = heartbeat;
        this.queue = new LinkedBlockingQueue<>(queueLimit);  // nodes only while events wait: an idle stream holds none
    }

    EventFilter filter() {
        return filter;
    }

    String tokenHash() {
        return tokenHash;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /**
     * Starts writing: first {@code opening}, then what the hub queued meanwhile and later, leaving out
     * the events of the movements the opening replayed.
     */
    void start(List<StreamEvent> opening, Set<Long> replayedMovements) {
        replayed = Set.copyOf(replayedMovements);
        writer = Thread.ofVirtual().name("stockroom-event-stream").start(() -> write(opening));
        if (ended.get() != null) {
            writer.interrupt();
        }
    }

    /** Queues live events; a stream that cannot take them is ended (its client resumes where it left off). */
    void offer(List<StreamEvent> events) {
        for (StreamEvent event : events) {
            if (!queue.offer(event)) {
                end("it fell " + queue.size() + " events behind");
                return;
            }
        }
    }

    /** Ends the stream: the client sees it close and may reconnect. */
    void end(String why) {
        if (!ended.compareAndSet(null, why)) {
            return;
        }
        LOG.log(Level.FINE, () -> "Ending an event stream: " + why);
        queue.clear();
        queue.offer(END);
        Thread running = writer;
        if (running != null) {
            running.interrupt();  // also frees it from a write to a client that stopped reading
        }
    }

    private void write(List<StreamEvent> opening) {
        try {
            send(sse.newEventBuilder().comment("stockroom events").reconnectDelay(RECONNECT_DELAY_MILLIS).build());
            for (StreamEvent event : opening) {
                send(event);
            }
            while (ended.get() == null) {
                StreamEvent next = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    send(sse.newEventBuilder().comment("heartbeat").build());
                } else if (next == END) {
                    break;
                } else if (next.movementId() == 0 || !replayed.contains(next.movementId())) {
                    send(next);
                }
            }
        } catch (InterruptedException e) {
            // ended by the hub
        } catch (IOException | RuntimeException e) {
            end("the client is gone (" + e + ")");
        } finally {
            hub.ended(this);
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing an event stream", e);
            }
        }
    }

    private void send(StreamEvent event) throws IOException, InterruptedException {
        send(sse.newEventBuilder().name(event.name()).id(event.id())
                .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, event.data()).build());
    }

    private void send(OutboundSseEvent event) throws IOException, InterruptedException {
        if (sink.isClosed()) {
            throw new IOException("the stream is closed");
        }
        try {
            sink.send(event).toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw new IOException("writing an event failed", e.getCause());
        }
    }
}
