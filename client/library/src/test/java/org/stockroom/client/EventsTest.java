package org.stockroom.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stockroom.client.model.EventQuery;
import org.stockroom.client.model.Movement;
import org.stockroom.client.model.MovementType;
import org.stockroom.client.model.StockLevel;
import org.stockroom.client.model.StockroomEvent;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The events facade against a real (JDK) HTTP server that streams exactly the lines under test:
 * typed events, reconnecting with {@code Last-Event-ID} after an end, a 503 or a silence, and
 * stopping for good on a 401.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)  // a hang fails the test, not the whole build at CI's limit
class EventsTest {

    private static final String MOVEMENT = "{\"id\":6,\"type\":\"ISSUE\",\"sku\":\"BOLT-1\",\"quantity\":3,\"from\":\"MAIN\","
            + "\"to\":null,\"reason\":null,\"reference\":\"SO-9\",\"occurredAt\":\"2025-11-21T10:15:00Z\",\"recordedBy\":\"clerk\"}";
    private static final String LEVEL = "{\"location\":\"MAIN\",\"onHand\":7,\"reorderPoint\":5,\"sku\":\"BOLT-1\"}";

    /** What the stub answers each request with, in turn; the last one again for any further request. */
    private interface Answer {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private record Request(String uri, String accept, String authorization, String lastEventId) {
    }

    private HttpServer server;
    private StockroomClient client;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final BlockingQueue<StockroomEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Duration> reconnectWaits = new LinkedBlockingQueue<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());  // streams hold their thread
        server.createContext("/", exchange -> {
            int index = requestCount.getAndIncrement();
            requests.add(new Request(exchange.getRequestURI().toString(), exchange.getRequestHeaders().getFirst("Accept"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Last-Event-ID")));
            try {
                answers.get(Math.min(index, answers.size() - 1)).answer(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
        client = StockroomClient.builder().server("http://127.0.0.1:" + server.getAddress().getPort())
                .bearerToken("the-token").requestTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    @Timeout(value = 20, unit = TimeUnit.SECONDS)  // a class's @Timeout does not cover its lifecycle methods
    void stopServer() {
        stopping.countDown();
        client.close();
        server.stop(0);
    }

    @Test
    void givenAStream_whenSubscribed_thenTheListenerGetsTypedEventsWithTheirIds() throws Exception {
        answers.add(stream(": stockroom events\nretry: 1000\n\nevent: ready\nid: 5\ndata: {\"lastMovementId\":5}\n\n"
                + "event: movement\nid: 6\ndata: " + MOVEMENT + "\n\nevent: level\nid: 6\ndata: " + LEVEL + "\n\n"
                + "event: shiny-new-thing\ndata: {}\n\n", true));

        try (Subscription subscription = subscribe(new EventQuery("BOLT-1", "MAIN"))) {
            assertThat(next()).isEqualTo(new StockroomEvent.Ready("5", 5));
            assertThat(next()).isEqualTo(new StockroomEvent.Moved("6", new Movement(6, MovementType.ISSUE, "BOLT-1", BigDecimal.valueOf(3),
                    "MAIN", null, null, "SO-9", Instant.parse("2025-11-21T10:15:00Z"), "clerk")));
            assertThat(next()).isEqualTo(new StockroomEvent.Level("6", new StockLevel("BOLT-1", "MAIN", BigDecimal.valueOf(7), BigDecimal.valueOf(5))));
            assertThat(subscription.lastEventId()).isEqualTo("6");
            assertThat(subscription.isOpen()).isTrue();
        }
        Request request = nextRequest();
        assertThat(request.uri()).isEqualTo("/api/v1/events?sku=BOLT-1&location=MAIN");
        assertThat(request.accept()).startsWith("text/event-stream");
        assertThat(request.authorization()).isEqualTo("Bearer the-token");
        assertThat(request.lastEventId()).isNull();
    }

    @Test
    void givenAStreamTheServerEnds_whenSubscribed_thenItReconnectsWithTheLastEventIdItGot() throws Exception {
        answers.add(stream("event: ready\nid: 5\ndata: {\"lastMovementId\":5}\n\nevent: movement\nid: 6\ndata: "
                + MOVEMENT + "\n\n", false));
        answers.add(stream("event: level\nid: 6\ndata: " + LEVEL + "\n\n", true));

        try (Subscription subscription = subscribe(EventQuery.all())) {
            assertThat(next()).isInstanceOf(StockroomEvent.Ready.class);
            assertThat(next()).isInstanceOf(StockroomEvent.Moved.class);
            assertThat(next()).isInstanceOf(StockroomEvent.Level.class);
            assertThat(subscription.isOpen()).isTrue();
        }
        assertThat(nextRequest().lastEventId()).isNull();
        assertThat(nextRequest().lastEventId()).isEqualTo("6");
        assertThat(nextReconnectWait()).isPositive();
    }

    @Test
    void givenA503WithRetryAfter_whenSubscribed_thenItWaitsThatLongAndTriesAgain() throws Exception {
        answers.add(problem(503, "1"));
        answers.add(stream("event: ready\nid: 5\ndata: {\"lastMovementId\":5}\n\n", true));

        try (Subscription subscription = subscribe(EventQuery.all())) {
            assertThat(next()).isInstanceOf(StockroomEvent.Ready.class);
            assertThat(nextReconnectWait()).isEqualTo(Duration.ofSeconds(1));
            assertThat(subscription.lastEventId()).isEqualTo("5");
        }
    }

    @Test
    void givenA401_whenSubscribed_thenTheSubscriptionEndsWithItAndTriesNoMore() throws Exception {
        answers.add(problem(401, null));

        Subscription subscription = subscribe(EventQuery.all());

        assertThatThrownBy(() -> subscription.await(Duration.ofSeconds(5))).isInstanceOf(NotAuthenticatedException.class);
        assertThat(subscription.isOpen()).isFalse();
        assertThat(requestCount).hasValue(1);
    }

    @Test
    void givenAStreamThatFallsSilent_whenLongerThanTheLimit_thenItIsOpenedAgain() throws Exception {
        answers.add(stream("event: ready\nid: 5\ndata: {\"lastMovementId\":5}\n\n", true));  // then nothing

        try (Subscription subscription = client.events().subscribe(EventQuery.all(), listener(),
                Duration.ofMillis(300), Duration.ofMillis(20))) {
            assertThat(next()).isInstanceOf(StockroomEvent.Ready.class);
            nextRequest();
            Request again = requests.poll(5, TimeUnit.SECONDS);
            assertThat(again).as("a second connection after the silence").isNotNull();
            assertThat(again.lastEventId()).isEqualTo("5");
            assertThat(subscription.isOpen()).isTrue();
        }
    }

    @Test
    void givenAnOpenSubscription_whenClosed_thenAwaitReturns() throws Exception {
        answers.add(stream("event: ready\nid: 5\ndata: {\"lastMovementId\":5}\n\n", true));
        Subscription subscription = subscribe(EventQuery.all());
        next();

        subscription.close();

        assertThat(subscription.await(Duration.ofSeconds(5))).isTrue();
        assertThat(subscription.isOpen()).isFalse();
    }

    @Test
    void givenAnAnswerOnItsWay_whenTheSubscriptionIsClosedWhileOpening_thenTheClientStillClosesAtOnce() throws Exception {
        CountDownLatch answering = new CountDownLatch(1);
        answers.add(exchange -> {  // the headers come only once the subscription was closed while waiting for them
            answering.countDown();
            Thread.sleep(200);
            stream("event: ready\nid: 5\ndata: {\"lastMovementId\":5}\n\n", true).answer(exchange);
        });
        Subscription subscription = subscribe(EventQuery.all());
        assertThat(answering.await(5, TimeUnit.SECONDS)).isTrue();

        subscription.close();
        assertThat(subscription.await(Duration.ofSeconds(5))).isTrue();
        Thread.sleep(400);  // the answer arrives after the subscription stopped waiting for it

        long start = System.nanoTime();
        client.close();  // would wait for the unread stream for ever
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Transport.CLOSE_GRACE);
        assertThat(events).isEmpty();
    }

    @Test
    void givenAListenerStillBusy_whenTheClientIsClosed_thenItAbortsTheStreamAfterTheGraceAndTheSubscriptionEnds()
            throws Exception {
        answers.add(stream("event: ready\nid: 5\ndata: {\"lastMovementId\":5}\n\n", true));
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Subscription subscription = client.events().subscribe(EventQuery.all(), event -> {
            busy.countDown();
            try {
                release.await();  // the stream's body stays unread meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Duration.ofSeconds(30), Duration.ofMillis(20));
        assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        client.close();  // would wait for the open stream for ever
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Transport.CLOSE_GRACE.plusSeconds(5));

        release.countDown();  // the listener returns to a broken stream, and may not open it again
        assertThatThrownBy(() -> subscription.await(Duration.ofSeconds(10)))
                .isInstanceOf(StockroomClientException.class).hasMessage("the client was closed");
        assertThat(requestCount).hasValue(1);
    }

    // ---------------------------------------------------------------------------------------------

    private Request nextRequest() throws InterruptedException {
        Request request = requests.poll(5, TimeUnit.SECONDS);
        assertThat(request).as("a request within 5 s").isNotNull();
        return request;
    }

    private Duration nextReconnectWait() throws InterruptedException {
        Duration wait = reconnectWaits.poll(5, TimeUnit.SECONDS);
        assertThat(wait).as("a reconnect within 5 s").isNotNull();
        return wait;
    }

    private Subscription subscribe(EventQuery query) {
        return client.events().subscribe(query, listener(), Duration.ofSeconds(30), Duration.ofMillis(20));
    }

    private EventListener listener() {
        return new EventListener() {
            @Override
            public void onEvent(StockroomEvent event) {
                events.add(event);
            }

            @Override
            public void onDisconnected(StockroomClientException cause, Duration retryIn) {
                reconnectWaits.add(retryIn);
            }
        };
    }

    private StockroomEvent next() throws InterruptedException {
        StockroomEvent event = events.poll(5, TimeUnit.SECONDS);
        assertThat(event).as("an event within 5 s").isNotNull();
        return event;
    }

    /** Streams {@code text}, then keeps the stream open until the test ends, or ends it at once. */
    private Answer stream(String text, boolean keepOpen) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write(text.getBytes(StandardCharsets.UTF_8));
            body.flush();
            if (keepOpen) {
                stopping.await(30, TimeUnit.SECONDS);
            }
        };
    }

    private static Answer problem(int status, String retryAfter) {
        return exchange -> {
            byte[] body = ("{\"type\":\"about:blank\",\"title\":\"No\",\"status\":" + status + ",\"detail\":\"No.\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        };
    }
}
