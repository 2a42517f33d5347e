package org.stockroom.client;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * The one place requests go out: the HTTP client, the API's base URI, the bearer token, JSON-B,
 * retries, and the mapping of error answers to exceptions. The resource facades
 * ({@link Products}, {@link Movements}, ...) only say which call to make and what comes back.
 */
final class Transport implements AutoCloseable {

    private static final String JSON = "application/json";
    private static final Set<Integer> UNAVAILABLE = Set.of(502, 503, 504);
    /** The most lines of an error answer to an event stream request that are read for its problem. */
    private static final int MAX_ERROR_LINES = 200;
    /** How long {@link #close()} lets requests still running finish. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final URI server;
    private final URI api;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final InstantSource clock;
    private final RandomGenerator random;
    private final HttpClient http;
    private volatile boolean closed;
    private final Jsonb jsonb;
    private final ProblemReader problems;
    private final String bearerToken;

    /** How the transport sends: timeouts, retries and what they wait with, TLS and credentials. */
    record Settings(URI server, Duration connectTimeout, Duration requestTimeout, RetryPolicy retryPolicy,
                    Sleeper sleeper, InstantSource clock, RandomGenerator random, SSLContext tls,
                    String bearerToken) {
    }

    Transport(URI api, Settings settings) {
        this.server = settings.server();
        this.api = api;
        this.connectTimeout = settings.connectTimeout();
        this.requestTimeout = settings.requestTimeout();
        this.retryPolicy = settings.retryPolicy();
        this.sleeper = settings.sleeper();
        this.clock = settings.clock();
        this.random = settings.random();
        HttpClient.Builder http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (settings.tls() != null) {
            http.sslContext(settings.tls());
        }
        this.http = http.build();
        this.jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(false));
        this.problems = new ProblemReader(jsonb);
        this.bearerToken = settings.bearerToken();
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The server's root, for messages. */
    URI server() {
        return server;
    }

    /** Where waits get their jitter from. */
    RandomGenerator random() {
        return random;
    }

    /** Sends the call and reads the answer's body as {@code type}. */
    <T> T send(Call call, Type type) {
        return read(send(call), type);
    }

    /** Sends the call and reads the answer's body as {@code type}, with the answer's {@code ETag}. */
    <T> Versioned<T> sendVersioned(Call call, Class<T> type) {
        HttpResponse<String> response = send(call);
        return new Versioned<>(read(response, type), response.headers().firstValue("ETag").orElse(null));
    }

    /** Reads one page of a listing, e.g. {@code /products?limit=50}. */
    <T> Page<T> page(String pathAndQuery, Class<T> itemType) {
        return send(Call.get(pathAndQuery), pageOf(itemType));
    }

    /**
     * Sends a call and returns the successful response; every request of the client passes
     * here, so headers, retries and credentials belong here too.
     *
     * <p>A call that {@link Call#isRepeatable() may be repeated} is sent again, with the same
     * headers and body, while its failure {@link #mayPass may pass} and the {@link RetryPolicy}
     * has attempts and time left; the last failure is thrown when they run out. The first
     * attempt gets the whole request timeout, a retry no more than what is left of the budget.
     */
    HttpResponse<String> send(Call call) {
        Instant start = clock.instant();
        Duration timeout = requestTimeout;
        for (int attempt = 1; ; attempt++) {
            Outcome outcome = sendOnce(call, timeout);
            if (outcome.failure() == null) {
                return outcome.response();
            }
            StockroomClientException failure = outcome.failure();
            if (!call.isRepeatable() || attempt >= retryPolicy.maxAttempts() || !mayPass(failure, call)) {
                throw failure;
            }
            Duration wait = outcome.retryAfter() != null ? outcome.retryAfter() : retryPolicy.backoff(attempt, random);
            Duration left = retryPolicy.budget().minus(Duration.between(start, clock.instant()));
            if (wait.compareTo(left) >= 0) {
                throw failure;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.addSuppressed(e);
                throw failure;
            }
            left = retryPolicy.budget().minus(Duration.between(start, clock.instant()));
            if (left.isNegative() || left.isZero()) {
                throw failure;
            }
            timeout = left.compareTo(requestTimeout) < 0 ? left : requestTimeout;
        }
    }

    /** One attempt: the response if it was a success, else what went wrong. */
    private Outcome sendOnce(Call call, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + call.path()))
                .timeout(timeout)
                .header("Accept", JSON + ", application/problem+json");
        boolean tokenSent = bearerToken != null && call.withToken();
        if (tokenSent) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        call.headers().forEach(request::header);
        if (call.body() == null) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", JSON)
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(jsonb.toJson(call.body())));
        }
        // The request's own timeout ends with the headers; this one also covers the body.
        CompletableFuture<HttpResponse<String>> pending =
                http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return Outcome.failed(new ServerUnreachableException(server, FailureReasons.noAnswerWithin(timeout), e),
                    null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException failure) {
                String reason = FailureReasons.reasonFor(failure, server, connectTimeout, timeout);
                return Outcome.failed(new ServerUnreachableException(server, reason, failure), null);
            }
            if (e.getCause() instanceof RuntimeException bug) {
                throw bug;
            }
            throw new StockroomClientException("the request to " + server + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException(server, "interrupted while waiting", e);
        }
        if (response.statusCode() >= 400) {
            return Outcome.failed(problemOf(response.statusCode(), response.headers(), response.body(), tokenSent),
                    retryAfter(response.headers()));
        }
        return new Outcome(response, null, null);
    }

    /**
     * Opens a stream of server-sent events (once: the caller decides about reconnecting): sends the
     * GET with the token and {@code Last-Event-ID} (if not null), and waits for the answer's headers
     * at most the request timeout. The body is the caller's to read, line by line, and to close.
     */
    EventStreamOutcome openEventStream(String pathAndQuery, String lastEventId) {
        if (closed) {  // not a failure that may pass: the subscription ends with it
            return EventStreamOutcome.failed(new StockroomClientException("the client was closed"), null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + pathAndQuery))
                .timeout(requestTimeout)
                .header("Accept", "text/event-stream, application/problem+json");
        boolean tokenSent = bearerToken != null;
        if (tokenSent) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        if (lastEventId != null && !lastEventId.isEmpty()) {
            request.header("Last-Event-ID", lastEventId);
        }
        CompletableFuture<HttpResponse<Stream<String>>> pending =
                http.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response;
        try {
            response = pending.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            closeWhenAnswered(pending);
            return EventStreamOutcome.failed(new ServerUnreachableException(server,
                    FailureReasons.noAnswerWithin(requestTimeout), e), null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException failure) {
                String reason = FailureReasons.reasonFor(failure, server, connectTimeout, requestTimeout);
                return EventStreamOutcome.failed(new ServerUnreachableException(server, reason, failure), null);
            }
            if (e.getCause() instanceof RuntimeException bug) {
                throw bug;
            }
            throw new StockroomClientException("the request to " + server + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            closeWhenAnswered(pending);
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException(server, "interrupted while waiting", e);
        }
        if (response.statusCode() >= 400 || response.statusCode() == 204) {
            String body;
            try (Stream<String> lines = response.body()) {
                body = lines.limit(MAX_ERROR_LINES).collect(Collectors.joining("\n"));
            } catch (UncheckedIOException e) {
                body = "";
            }
            return EventStreamOutcome.failed(problemOf(response.statusCode(), response.headers(), body, tokenSent),
                    retryAfter(response.headers()));
        }
        return new EventStreamOutcome(response, null, null);
    }

    /**
     * For a caller that stops waiting for a streamed answer. Cancelling the future instead can lose
     * an answer that is already on its way; its unread body then holds the exchange open, and
     * {@link HttpClient#close()} waits for it for ever. The request's own timeout bounds the wait,
     * so the answer is let arrive and its body closed at once.
     */
    static <B extends AutoCloseable> void closeWhenAnswered(CompletableFuture<HttpResponse<B>> pending) {
        pending.thenAccept(response -> {
            try {
                response.body().close();
            } catch (Exception ignored) {
                // nobody reads it
            }
        });
    }

    /** What opening an event stream came to: the response, or a failure with the wait the server asked for (or null). */
    record EventStreamOutcome(HttpResponse<Stream<String>> response, StockroomClientException failure,
                              Duration retryAfter) {

        static EventStreamOutcome failed(StockroomClientException failure, Duration retryAfter) {
            return new EventStreamOutcome(null, failure, retryAfter);
        }
    }

    private Duration retryAfter(HttpHeaders headers) {
        return RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), clock.instant()).orElse(null);
    }

    /**
     * Whether a failure may pass if the same request is sent again later (as {@link #send} decides
     * for a read): for an event stream, whether to reconnect.
     */
    static boolean mayPass(StockroomClientException failure) {
        return mayPass(failure, Call.get("/"));
    }

    /**
     * A request to the API with the bearer token and the given timeout, for calls that send or read
     * a body of their own rather than JSON (the CSV imports and exports).
     */
    HttpRequest.Builder request(String pathAndQuery, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + pathAndQuery)).timeout(timeout);
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return request;
    }

    HttpClient http() {
        return http;
    }

    /** What a failed exchange of {@link #request} is: no connection, or an error answer as its exception. */
    StockroomClientException failure(IOException failure, Duration timeout) {
        return new ServerUnreachableException(server, FailureReasons.reasonFor(failure, server, connectTimeout, timeout),
                failure);
    }

    ProblemException problemOf(int status, HttpHeaders headers, String body) {
        return problemOf(status, headers, body, bearerToken != null);
    }

    <T> T readJson(String body, Type type) {
        try {
            return jsonb.fromJson(body, type);
        } catch (JsonbException e) {
            throw new StockroomClientException("the server at " + server
                    + " sent a response this client does not understand: " + e.getMessage(), e);
        }
    }

    /** An error answer as the exception it stands for: 401 and 403 have their own. */
    private ProblemException problemOf(int status, HttpHeaders headers, String body, boolean tokenSent) {
        String contentType = headers.firstValue("Content-Type").orElse(null);
        Problem answer = problems.read(status, contentType, body);
        return switch (status) {
            case 401 -> new NotAuthenticatedException(answer, tokenSent);
            case 403 -> new NotPermittedException(answer);
            default -> new ProblemException(answer);
        };
    }

    /**
     * Whether a failure may pass if the same request is sent again: no connection (refused,
     * reset, closed, timed out), no answer in time, 502, 503 or 504, and, for a keyed POST, the
     * server still working on the first request with this key (409 in flight). Not an unknown
     * host, a TLS failure or any other answer from the server.
     */
    private static boolean mayPass(StockroomClientException failure, Call call) {
        if (failure instanceof ProblemException problem) {
            return UNAVAILABLE.contains(problem.status())
                    || (problem.status() == 409 && StockroomClient.IDEMPOTENCY_KEY_IN_FLIGHT.equals(problem.type())
                        && call.idempotencyKey().isPresent());
        }
        if (failure instanceof ServerUnreachableException unreachable) {
            Throwable cause = unreachable.getCause();
            return !FailureReasons.isUnknownHost(cause) && !FailureReasons.isTlsFailure(cause);
        }
        return false;
    }

    /**
     * What one attempt came to: a successful response, or a failure with the wait the server
     * asked for in {@code Retry-After} (null if it did not).
     */
    private record Outcome(HttpResponse<String> response, StockroomClientException failure, Duration retryAfter) {

        static Outcome failed(StockroomClientException failure, Duration retryAfter) {
            return new Outcome(null, failure, retryAfter);
        }
    }

    /** Reads JSON the server sent outside a response body of its own (an event's data) as {@code type}. */
    <T> T parse(String json, Type type) {
        try {
            return jsonb.fromJson(json, type);
        } catch (JsonbException e) {
            throw new StockroomClientException("the server at " + server
                    + " sent an event this client does not understand: " + e.getMessage(), e);
        }
    }

    private <T> T read(HttpResponse<String> response, Type type) {
        try {
            return jsonb.fromJson(response.body(), type);
        } catch (JsonbException e) {
            throw new StockroomClientException("the server at " + server
                    + " sent a response this client does not understand: " + e.getMessage(), e);
        }
    }

    private static Type pageOf(Class<?> itemType) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {itemType};
            }

            @Override
            public Type getRawType() {
                return Page.class;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }

    /**
     * Lets requests still running finish for {@link #CLOSE_GRACE}, then aborts them: a body that a
     * caller left unread must not keep the client, and the program closing it, from ending.
     */
    @Override
    public void close() {
        closed = true;
        http.shutdown();
        try {
            if (!http.awaitTermination(CLOSE_GRACE)) {
                http.shutdownNow();
            }
        } catch (InterruptedException e) {
            http.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            jsonb.close();
        } catch (Exception ignored) {
            // nothing held that outlives the client
        }
    }
}
