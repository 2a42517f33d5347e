package org.stockroom.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The load generator: closed-loop clients on virtual threads, each sending one request, waiting
 * for its answer, then sending the next, for a fixed time. Latency is taken per request with
 * {@link System#nanoTime()} and kept in an HdrHistogram; requests that complete after the window
 * closes are not counted.
 */
final class HttpLoad implements LoadGenerator {

    static final String DESCRIPTION = "the Java one (java.net.http.HttpClient on virtual threads, HdrHistogram)";

    private static final long MAX_LATENCY_MICROS = Duration.ofMinutes(2).toNanos() / 1000;

    private final HttpClient http;
    private final URI api;
    private final String token;
    private final long products;
    private final int locations;

    HttpLoad(URI api, String token, long products, int locations) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.api = api;
        this.token = token;
        this.products = products;
        this.locations = locations;
    }

    @Override
    public Stats run(Operation operation, int clients, Duration duration) throws InterruptedException {
        return measure(() -> request(operation), expectedStatus(operation), clients, duration);
    }

    /**
     * Closed-loop load of the requests {@code requests} makes (called once per request, on the
     * client's own thread); a request counts when it is answered with {@code expectedStatus}.
     */
    Stats measure(Supplier<HttpRequest> requests, int expectedStatus, int clients, Duration duration)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Histogram histogram = new Histogram(MAX_LATENCY_MICROS, 3);
            histograms.add(histogram);
            threads.add(Thread.ofVirtual().name("bench-client-" + i).start(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest request = requests.get();
                    long sent = System.nanoTime();
                    boolean ok;
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        ok = response.statusCode() == expectedStatus;
                    } catch (IOException e) {
                        ok = false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long received = System.nanoTime();
                    if (received > end) {
                        return;  // finished after the window: not counted
                    }
                    if (ok) {
                        histogram.recordValue(Math.min(MAX_LATENCY_MICROS, Math.max(1, (received - sent) / 1000)));
                    } else {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join(duration.toMillis() + 60_000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        seconds = Math.min(seconds, duration.toNanos() / 1e9);
        Histogram all = new Histogram(MAX_LATENCY_MICROS, 3);
        histograms.forEach(all::add);
        long count = all.getTotalCount();
        if (count == 0) {
            return new Stats(0, errors.get(), 0, Double.NaN, Double.NaN, CpuMeter.Share.NONE);
        }
        return new Stats(count, errors.get(), count / seconds,
                all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(99) / 1000.0, CpuMeter.Share.NONE);
    }

    static int expectedStatus(Operation operation) {
        return operation == Operation.POST_MOVEMENT ? 201 : 200;
    }

    private HttpRequest request(Operation operation) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String sku = Operation.sku(random.nextLong(1, products + 1));
        return switch (operation) {
            case GET_PRODUCT -> get("products/" + sku);
            case STOCK_LEVELS -> get("stock?sku=" + sku);
            case PRODUCT_PAGE -> get("products?limit=100&after=" + cursor(sku));
            case LOW_STOCK -> get("products?belowReorder=true&limit=100");
            case POST_MOVEMENT -> postMovement("{\"type\":\"RECEIVE\",\"sku\":\"" + sku
                    + "\",\"quantity\":1,\"to\":\"" + Operation.locationCode(random.nextInt(1, locations + 1))
                    + "\",\"reference\":\"bench\"}");
        };
    }

    /** POST /movements with {@code json}, under a fresh Idempotency-Key (a new request, not a retry). */
    HttpRequest postMovement(String json) {
        return authorized(HttpRequest.newBuilder(api.resolve("movements")))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    /** The cursor the server would have issued after {@code sku}: its key, base64url without padding. */
    static String cursor(String sku) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sku.getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest get(String path) {
        return authorized(HttpRequest.newBuilder(api.resolve(path))).GET().build();
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        return builder.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
    }
}
