package org.stockroom.events;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.stockroom.auth.token.TokenLookup;
import org.stockroom.resilience.DatabaseUnavailableException;
import org.stockroom.stock.StockLevelId;
import org.stockroom.stock.StockLevelView;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * This server's open event streams, and what reaches them: the movements {@link LedgerListener}
 * hears committed (read once here, written to each stream that wants them), the end of streams
 * whose token expired or was revoked (checked on every session change the database announces, and
 * every heartbeat interval), and the end of all of them when this server stops hearing the ledger,
 * since they would miss what was committed meanwhile: their clients resume, here or on another
 * server, from the ledger.
 */
@ApplicationScoped
public class EventHub {

    /** The most movements a resumed stream replays; beyond it, a {@code reset}. */
    static final int REPLAY_LIMIT = 1_000;
    /** The most events waiting for one client; beyond it, the stream ends and its client resumes. */
    static final int QUEUE_LIMIT = 1_000;
    /** How many token hashes one check asks the database about. */
    private static final int TOKENS_PER_QUERY = 500;
    private static final Duration AWAIT_LISTENER = Duration.ofSeconds(3);
    private static final Logger LOG = Logger.getLogger(EventHub.class.getName());

    private final EventFeed feed;
    private final TokenLookup tokens;
    private final Duration heartbeat;
    private final MetricRegistry metrics;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Boolean> checkRequests = new ArrayBlockingQueue<>(1);
    private final Object liveLock = new Object();
    private boolean listening;  // guarded by liveLock
    private volatile boolean stopped;
    private Thread checker;

    @Inject
    public EventHub(EventFeed feed, TokenLookup tokens, MetricRegistry metrics,
                    @ConfigProperty(name = "stockroom.events.heartbeat", defaultValue = "PT15S") Duration heartbeat) {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("the event streams' heartbeat must be positive: " + heartbeat);
        }
        this.feed = feed;
        this.tokens = tokens;
        this.metrics = metrics;
        this.heartbeat = heartbeat;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object startup) {
        metrics.gauge("stockroom.events.streams", this, EventHub::streams);
        checker = Thread.ofPlatform().daemon().name("stockroom-event-stream-checks").start(this::checkStreams);
    }

    /**
     * Opens a stream on {@code sink}: registers it, so that it misses nothing committed from now on,
     * then reads how it begins (ready, a replay, or a reset) and starts writing.
     *
     * @throws DatabaseUnavailableException when this server does not hear the ledger now
     */
    void open(SseEventSink sink, Sse sse, EventFilter filter, LastEventId last, String tokenHash, Instant expiresAt) {
        Subscriber subscriber = new Subscriber(this, sink, sse, filter, tokenHash, expiresAt, heartbeat, QUEUE_LIMIT);
        register(subscriber);
        try {
            Opening opening = feed.open(last, filter, REPLAY_LIMIT);
            Set<Long> replayed = opening instanceof Opening.Replay replay
                    ? replay.movements().stream().map(movement -> movement.movement().id()).collect(Collectors.toSet())
                    : Set.of();
            subscriber.start(StreamEvents.opening(opening, last), replayed);
        } catch (RuntimeException e) {
            subscribers.remove(subscriber);
            throw e;
        }
    }

    private void register(Subscriber subscriber) {
        synchronized (liveLock) {
            long deadline = System.nanoTime() + AWAIT_LISTENER.toNanos();
            while (!listening && !stopped && System.nanoTime() < deadline) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(liveLock, deadline - System.nanoTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (!listening || stopped) {
                throw new DatabaseUnavailableException(
                        "This server is not hearing the ledger's changes now, so it cannot stream them; try again shortly", 1);
            }
            subscribers.add(subscriber);
        }
    }

    /** The listener is in LISTEN: streams may open. */
    void listening() {
        synchronized (liveLock) {
            listening = true;
            liveLock.notifyAll();
        }
    }

    /** The listener lost its connection: what is committed now would not reach the open streams, so they end. */
    void notListening() {
        List<Subscriber> open;
        synchronized (liveLock) {
            listening = false;
            open = List.copyOf(subscribers);
        }
        if (!open.isEmpty()) {
            LOG.warning("Ending " + open.size() + " event streams: this server stopped hearing the ledger;"
                    + " their clients resume from the ledger");
        }
        open.forEach(subscriber -> subscriber.end("the server stopped hearing the ledger"));
    }

    /** Movements committed, in the order they committed: each is read once and sent to every stream that wants it. */
    void recorded(List<Long> movementIds) {
        if (subscribers.isEmpty()) {
            // Nobody to tell, and nothing lost: a stream that opens later reads how it begins after these committed.
            return;
        }
        List<RecordedMovement> batch;
        try {
            batch = feed.recorded(movementIds);
        } catch (RuntimeException e) {
            List<Subscriber> open = List.copyOf(subscribers);
            LOG.log(Level.WARNING, "Could not read " + movementIds.size() + " committed movements (" + e
                    + "); ending " + open.size() + " event streams, whose clients resume from the ledger");
            open.forEach(subscriber -> subscriber.end("the server could not read a committed movement"));
            return;
        }
        for (RecordedMovement recorded : batch) {
            StreamEvents.LiveMovement live = StreamEvents.live(recorded);
            for (Subscriber subscriber : subscribers) {
                List<StreamEvent> events = live.eventsFor(subscriber.filter());
                if (!events.isEmpty()) {
                    subscriber.offer(events);
                }
            }
        }
    }

    /**
     * Reservations changed what these levels reserve (V17's announcements): each level is read once and
     * sent, as a {@code level} event without an id, to every stream that wants it. Without an id it moves
     * no client's resume point, which stays that of the last movement; a resumed stream replays movements,
     * not reservation changes, so its client reloads levels it has not seen change (docs/api.md).
     */
    void reservedChanged(List<StockLevelId> levels) {
        if (subscribers.isEmpty()) {
            return;
        }
        List<StockLevelView> current;
        try {
            current = feed.levels(levels);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not read " + levels.size() + " levels whose reservations changed", e);
            return;
        }
        for (StockLevelView level : current) {
            StreamEvent event = StreamEvents.reservedLevel(level);
            for (Subscriber subscriber : subscribers) {
                if (subscriber.filter().accepts(level)) {
                    subscriber.offer(List.of(event));
                }
            }
        }
    }

    /** A token or user changed somewhere: check the open streams' tokens now rather than at the next interval. */
    void sessionsChanged() {
        checkRequests.offer(Boolean.TRUE);
    }

    /** Called by a stream's writer when it has ended. */
    void ended(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /** How many streams are open on this server. */
    public int streams() {
        return subscribers.size();
    }

    private void checkStreams() {
        while (!stopped) {
            try {
                checkRequests.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                checkTokens();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database is away: the streams end anyway if it stays so (the listener loses it too).
                LOG.log(Level.FINE, "Could not check the event streams' tokens", e);
            }
        }
    }

    /** Ends the streams whose token has expired or no longer stands for a session (revoked, user disabled). */
    void checkTokens() {
        Instant now = Instant.now();
        List<Subscriber> open = new ArrayList<>();
        for (Subscriber subscriber : List.copyOf(subscribers)) {
            if (now.isBefore(subscriber.expiresAt())) {
                open.add(subscriber);
            } else {
                subscriber.end("its token expired");
            }
        }
        List<String> hashes = open.stream().map(Subscriber::tokenHash).distinct().toList();
        Set<String> active = new HashSet<>();
        for (int from = 0; from < hashes.size(); from += TOKENS_PER_QUERY) {
            active.addAll(tokens.activeAmong(hashes.subList(from, Math.min(hashes.size(), from + TOKENS_PER_QUERY))));
        }
        open.stream().filter(subscriber -> !active.contains(subscriber.tokenHash()))
                .forEach(subscriber -> subscriber.end("its token was revoked or its user disabled"));
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (checker != null) {
            checker.interrupt();
        }
        List.copyOf(subscribers).forEach(subscriber -> subscriber.end("the server is stopping"));
    }
}
