package org.stockroom.client;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import org.stockroom.client.model.AuditEvent;
import org.stockroom.client.model.AuditQuery;
import org.stockroom.client.model.Credentials;
import org.stockroom.client.model.IssuedToken;
import org.stockroom.client.model.Location;
import org.stockroom.client.model.Movement;
import org.stockroom.client.model.MovementQuery;
import org.stockroom.client.model.NewLocation;
import org.stockroom.client.model.NewMovement;
import org.stockroom.client.model.NewPassword;
import org.stockroom.client.model.NewProduct;
import org.stockroom.client.model.NewUser;
import org.stockroom.client.model.PasswordChange;
import org.stockroom.client.model.Product;
import org.stockroom.client.model.ProductChanges;
import org.stockroom.client.model.ProductQuery;
import org.stockroom.client.model.Session;
import org.stockroom.client.model.StockLevel;
import org.stockroom.client.model.StockQuery;
import org.stockroom.client.model.User;
import org.stockroom.client.model.UserChanges;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Typed access to the Stockroom REST API ({@code /api/v1}) over HTTP/JSON.
 *
 * <p>Every method either returns what the server sent or throws a {@link StockroomClientException}:
 * {@link ProblemException} when the server said no, {@link ServerUnreachableException} when it
 * did not answer. A 401 arrives as {@link NotAuthenticatedException} (log in, or in again), a
 * 403 as {@link NotPermittedException}. One client is safe to share between threads; close it
 * when done.
 *
 * <p>The client sends the bearer token it was built with ({@link Builder#bearerToken}); to log
 * in, build one without, call {@link #logIn}, and build the next one with the token it returns
 * ({@link SessionStore} keeps it between runs).
 *
 * <p>Requests that are safe to repeat are retried when the failure may pass (see
 * {@link RetryPolicy}): reads always, and the creating methods when given an idempotency key,
 * e.g. {@code createProduct(product, IdempotencyKeys.newKey())}. Keep the key for as long as
 * you mean the same change: a repeat with that key is applied once by the server.
 *
 * <pre>{@code
 * try (var client = StockroomClient.create(URI.create("http://127.0.0.1:8080"))) {
 *     client.recordMovement(NewMovement.receive("BOLT-1", 10, "MAIN", null, "PO-1"));
 * }
 * }</pre>
 */
public final class StockroomClient implements AutoCloseable {

    public static final URI DEFAULT_SERVER = URI.create("http://127.0.0.1:8080");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** The problem type of a 409 for a key whose first request the server is still working on. */
    public static final String IDEMPOTENCY_KEY_IN_FLIGHT = "https://stockroom.dev/problems/idempotency-key-in-flight";

    private static final String API_PATH = "/api/v1";
    private static final String JSON = "application/json";
    private static final Set<Integer> UNAVAILABLE = Set.of(502, 503, 504);

    private final URI server;
    private final URI api;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final InstantSource clock;
    private final RandomGenerator random;
    private final HttpClient http;
    private final Jsonb jsonb;
    private final ProblemReader problems;
    private final String bearerToken;

    private StockroomClient(Builder builder) {
        this.server = builder.server;
        this.api = URI.create(builder.server + API_PATH);
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.sleeper = builder.sleeper;
        this.clock = builder.clock;
        this.random = builder.random;
        HttpClient.Builder http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (builder.tls != null) {
            http.sslContext(builder.tls);
        }
        this.http = http.build();
        this.jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(false));
        this.problems = new ProblemReader(jsonb);
        this.bearerToken = builder.bearerToken;
    }

    public static StockroomClient create(URI server) {
        return builder().server(server).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The root of the server at {@code url} in the one spelling the client uses, without a trailing
     * slash or {@code /api/v1}: what {@link #server()} will say, and what {@link SessionStore}
     * keys sessions by. Throws {@link IllegalArgumentException} for anything but an http(s) URL.
     */
    public static URI serverRoot(String url) {
        return builder().server(url).server;
    }

    /** The server's root, e.g. {@code http://127.0.0.1:8080}, without the API path. */
    public URI server() {
        return server;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    // ---- Products ------------------------------------------------------------------------------

    /** Creates a product; sent once, since without a key a repeat could not be told from a new request. */
    public Versioned<Product> createProduct(NewProduct product) {
        return versioned(send(Call.post("/products", product)), Product.class);
    }

    /**
     * Creates a product, retried as the {@link RetryPolicy} allows with the same key on every
     * attempt; if the server has seen the key before, it answers with the product it created then.
     */
    public Versioned<Product> createProduct(NewProduct product, String idempotencyKey) {
        return versioned(send(Call.post("/products", product).idempotencyKey(idempotencyKey)), Product.class);
    }

    public Page<Product> listProducts(ProductQuery query) {
        String path = "/products" + new QueryString()
                .add("q", query.text())
                .add("category", query.category())
                .add("belowReorder", query.belowReorder())
                .add("limit", query.limit())
                .add("after", query.after());
        return read(send(Call.get(path)), pageOf(Product.class));
    }

    public Versioned<Product> getProduct(String sku) {
        return versioned(send(Call.get("/products/" + segment(sku))), Product.class);
    }

    /**
     * Replaces the editable fields of a product, provided it still carries {@code etag};
     * a {@link ProblemException} with status 412 means someone changed it in between.
     * Sent once and never retried: the {@code If-Match} already makes a repeat harmless, and
     * whether to read again and reapply is the caller's decision. It takes no idempotency key.
     */
    public Versioned<Product> updateProduct(String sku, ProductChanges changes, String etag) {
        Call call = Call.put("/products/" + segment(sku), changes);
        if (etag != null) {  // without one the server answers 428, which says what is missing
            call = call.header("If-Match", etag);
        }
        return versioned(send(call), Product.class);
    }

    /** Archives a product; refused (409) while it has stock on hand. Sent once, never retried. */
    public void archiveProduct(String sku) {
        send(Call.delete("/products/" + segment(sku)));
    }

    // ---- Locations -----------------------------------------------------------------------------

    /** Creates a location; sent once, see {@link #createLocation(NewLocation, String)}. */
    public Location createLocation(NewLocation location) {
        return read(send(Call.post("/locations", location)), Location.class);
    }

    /** Creates a location, retried as the {@link RetryPolicy} allows with the same key on every attempt. */
    public Location createLocation(NewLocation location, String idempotencyKey) {
        return read(send(Call.post("/locations", location).idempotencyKey(idempotencyKey)), Location.class);
    }

    public Page<Location> listLocations(Integer limit, String after) {
        String path = "/locations" + new QueryString().add("limit", limit).add("after", after);
        return read(send(Call.get(path)), pageOf(Location.class));
    }

    public Location getLocation(String code) {
        return read(send(Call.get("/locations/" + segment(code))), Location.class);
    }

    // ---- Stock and movements -------------------------------------------------------------------

    /**
     * Records a receipt, issue, transfer or adjustment. Refused with status 409 when stock is
     * insufficient; the problem then carries the {@code onHand} and {@code requested} figures.
     */
    public Movement recordMovement(NewMovement movement) {
        return read(send(Call.post("/movements", movement)), Movement.class);
    }

    /**
     * Records a movement, retried as the {@link RetryPolicy} allows with the same key on every
     * attempt; the server records it once however often the key arrives, and answers a repeat
     * with the movement it recorded the first time.
     */
    public Movement recordMovement(NewMovement movement, String idempotencyKey) {
        return read(send(Call.post("/movements", movement).idempotencyKey(idempotencyKey)), Movement.class);
    }

    public Page<Movement> listMovements(MovementQuery query) {
        String path = "/movements" + new QueryString()
                .add("sku", query.sku())
                .add("location", query.location())
                .add("since", query.since())
                .add("limit", query.limit())
                .add("after", query.after());
        return read(send(Call.get(path)), pageOf(Movement.class));
    }

    public Movement getMovement(long id) {
        return read(send(Call.get("/movements/" + id)), Movement.class);
    }

    // ---- Audit trail ---------------------------------------------------------------------------

    /** Who changed what, newest first; for managers and admins (others get a 403 problem). */
    public Page<AuditEvent> audit(AuditQuery query) {
        String path = "/audit" + new QueryString()
                .add("user", query.user())
                .add("since", query.since())
                .add("limit", query.limit())
                .add("after", query.after());
        return read(send(Call.get(path)), pageOf(AuditEvent.class));
    }

    public Page<StockLevel> listStockLevels(StockQuery query) {
        String path = "/stock" + new QueryString()
                .add("sku", query.sku())
                .add("location", query.location())
                .add("belowReorder", query.belowReorder())
                .add("limit", query.limit())
                .add("after", query.after());
        return read(send(Call.get(path)), pageOf(StockLevel.class));
    }

    // ---- Log-in and the caller's own account ---------------------------------------------------

    /**
     * Logs in: the server checks the password and issues a bearer token, valid until
     * {@link IssuedToken#expiresAt()}. Sent once, and without this client's own token. Wrong
     * credentials throw {@link NotAuthenticatedException} (with {@code tokenSent() == false}).
     * The password is turned into the request body here; the caller may clear its array after.
     */
    public IssuedToken logIn(String username, char[] password) {
        Credentials credentials = new Credentials(username, new String(password));
        return read(send(Call.post("/auth/token", credentials).withoutToken()), IssuedToken.class);
    }

    /** Who the server takes this client's token to be, and until when it is valid. */
    public Session me() {
        return read(send(Call.get("/auth/me")), Session.class);
    }

    /** Revokes this client's token on the server; it is of no use afterwards, here or anywhere. */
    public void logOut() {
        send(Call.post("/auth/logout", null));
    }

    /**
     * Changes the caller's own password. The server then revokes every token of the user,
     * this client's included: log in again with the new password.
     */
    public void changeOwnPassword(char[] currentPassword, char[] newPassword) {
        send(Call.post("/auth/password", new PasswordChange(new String(currentPassword), new String(newPassword))));
    }

    // ---- Users (administrators only) -----------------------------------------------------------

    public Page<User> listUsers(Integer limit, String after) {
        String path = "/users" + new QueryString().add("limit", limit).add("after", after);
        return read(send(Call.get(path)), pageOf(User.class));
    }

    public User getUser(String username) {
        return read(send(Call.get("/users/" + segment(username))), User.class);
    }

    /** Creates a user; sent once (a repeat would answer 409, the name being taken by then). */
    public User createUser(NewUser user) {
        return read(send(Call.post("/users", user)), User.class);
    }

    /** Changes a user's role or disables/enables them; only the non-null fields of {@code changes}. */
    public User changeUser(String username, UserChanges changes) {
        return read(send(Call.patch("/users/" + segment(username), changes)), User.class);
    }

    /** Sets a new password for a user who forgot theirs (an administrator's reset). */
    public void resetPassword(String username, char[] newPassword) {
        send(Call.post("/users/" + segment(username) + "/password", new NewPassword(new String(newPassword))));
    }

    // ---- The one place requests go out ---------------------------------------------------------

    /**
     * Sends a call and returns the successful response; every request of this client passes
     * here, so headers, retries and credentials belong here too.
     *
     * <p>A call that {@link Call#isRepeatable() may be repeated} is sent again, with the same
     * headers and body, while its failure {@link #mayPass may pass} and the {@link RetryPolicy}
     * has attempts and time left; the last failure is thrown when they run out. The first
     * attempt gets the whole request timeout, a retry no more than what is left of the budget.
     */
    private HttpResponse<String> send(Call call) {
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + call.path))
                .timeout(timeout)
                .header("Accept", JSON + ", application/problem+json");
        boolean tokenSent = bearerToken != null && call.withToken();
        if (tokenSent) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        call.headers.forEach(request::header);
        if (call.body == null) {
            request.method(call.method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", JSON)
                    .method(call.method, HttpRequest.BodyPublishers.ofString(jsonb.toJson(call.body)));
        }
        // The request's own timeout ends with the headers; this one also covers the body.
        CompletableFuture<HttpResponse<String>> pending =
                http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return Outcome.failed(new ServerUnreachableException(server, "no answer within " + seconds(timeout), e),
                    null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException failure) {
                return Outcome.failed(new ServerUnreachableException(server, reasonFor(failure, timeout), failure),
                        null);
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
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            Problem answer = problems.read(response.statusCode(), contentType, response.body());
            ProblemException problem = switch (response.statusCode()) {
                case 401 -> new NotAuthenticatedException(answer, tokenSent);
                case 403 -> new NotPermittedException(answer);
                default -> new ProblemException(answer);
            };
            Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
                    clock.instant()).orElse(null);
            return Outcome.failed(problem, retryAfter);
        }
        return new Outcome(response, null, null);
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
                    || (problem.status() == 409 && IDEMPOTENCY_KEY_IN_FLIGHT.equals(problem.type())
                        && call.idempotencyKey().isPresent());
        }
        if (failure instanceof ServerUnreachableException unreachable) {
            for (Throwable cause = unreachable.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException
                        || cause instanceof SSLException) {
                    return false;
                }
            }
            return true;
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

    private String reasonFor(IOException failure, Duration timeout) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "no connection within " + seconds(connectTimeout.compareTo(timeout) < 0 ? connectTimeout : timeout);
        }
        if (failure instanceof HttpTimeoutException) {
            return "no answer within " + seconds(timeout);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "unknown host " + server.getHost();
            }
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                return "TLS: the server's certificate is not trusted (" + innermostMessage(cause)
                        + "); if your own CA signed it, give the client the CA certificate";
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return "TLS failed: " + innermostMessage(cause);
            }
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private static String innermostMessage(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage();
        return message == null || message.isBlank() ? innermost.getClass().getSimpleName() : message.strip();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private <T> T read(HttpResponse<String> response, Type type) {
        try {
            return jsonb.fromJson(response.body(), type);
        } catch (JsonbException e) {
            throw new StockroomClientException("the server at " + server
                    + " sent a response this client does not understand: " + e.getMessage(), e);
        }
    }

    private <T> Versioned<T> versioned(HttpResponse<String> response, Class<T> type) {
        T value = read(response, type);
        return new Versioned<>(value, response.headers().firstValue("ETag").orElse(null));
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

    private static String segment(String value) {
        return encode(Objects.requireNonNull(value, "identifier"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        http.close();
        try {
            jsonb.close();
        } catch (Exception ignored) {
            // nothing held that outlives the client
        }
    }

    /**
     * A request before it is sent: method, path below {@code /api/v1}, body, extra headers, and
     * whether it carries the client's bearer token (all but the log-in do).
     */
    private record Call(String method, String path, Object body, Map<String, String> headers, boolean withToken) {

        static Call get(String path) {
            return new Call("GET", path, null, Map.of(), true);
        }

        static Call post(String path, Object body) {
            return new Call("POST", path, body, Map.of(), true);
        }

        static Call put(String path, Object body) {
            return new Call("PUT", path, body, Map.of(), true);
        }

        static Call patch(String path, Object body) {
            return new Call("PATCH", path, body, Map.of(), true);
        }

        static Call delete(String path) {
            return new Call("DELETE", path, null, Map.of(), true);
        }

        Call header(String name, String value) {
            var headers = new LinkedHashMap<>(this.headers);
            headers.put(name, value);
            return new Call(method, path, body, headers, withToken);
        }

        /** The log-in proves who the caller is by its body; an old token has no business there. */
        Call withoutToken() {
            return new Call(method, path, body, headers, false);
        }

        Call idempotencyKey(String key) {
            return header(IdempotencyKeys.HEADER, IdempotencyKeys.requireValid(key));
        }

        Optional<String> idempotencyKey() {
            return Optional.ofNullable(headers.get(IdempotencyKeys.HEADER));
        }

        /** Reads, and POSTs with an idempotency key: the server's state is the same however often they arrive. */
        boolean isRepeatable() {
            return method.equals("GET") || method.equals("HEAD")
                    || (method.equals("POST") && idempotencyKey().isPresent());
        }
    }

    /** Builds {@code ?a=1&b=2} from the parameters that have a value. */
    private static final class QueryString {
        private final StringJoiner joiner = new StringJoiner("&", "?", "").setEmptyValue("");

        QueryString add(String name, Object value) {
            if (value != null && !value.toString().isEmpty()) {
                joiner.add(name + "=" + encode(value.toString()));
            }
            return this;
        }

        @Override
        public String toString() {
            return joiner.toString();
        }
    }

    public static final class Builder {
        private URI server = DEFAULT_SERVER;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Sleeper sleeper = Sleeper.system();
        private InstantSource clock = InstantSource.system();
        private RandomGenerator random = new Random(); // thread-safe, as the client is shared
        private String bearerToken;
        private SSLContext tls;

        private Builder() {
        }

        /**
         * Also trusts the CA certificate(s) in this file, PEM or DER, for an {@code https} server
         * whose certificate no CA known to the JDK signed; the JDK's own CAs stay trusted. Only this
         * client is affected. Throws IllegalArgumentException if the file holds no readable certificate.
         */
        public Builder trustedCertificates(Path caCertificates) {
            this.tls = TrustedCertificates.withCertificatesFrom(Objects.requireNonNull(caCertificates, "CA certificates"));
            return this;
        }

        /**
         * The server's root URL, e.g. {@code http://127.0.0.1:8080}; a trailing slash or
         * {@code /api/v1} is tolerated.
         */
        public Builder server(URI server) {
            this.server = serverRoot(server);
            return this;
        }

        public Builder server(String server) {
            URI uri;
            try {
                uri = URI.create(server.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a URL: " + server, e);
            }
            return server(uri);
        }

        /** The bearer token sent with every request, from {@code POST /auth/token}; none unless set. */
        public Builder bearerToken(String bearerToken) {
            this.bearerToken = bearerToken == null || bearerToken.isBlank() ? null : bearerToken.strip();
            return this;
        }

        /** How long one attempt waits for a connection; 5 s unless set. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connect timeout");
            return this;
        }

        /** How long one attempt waits for the whole answer, status, headers and body; 30 s unless set. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "request timeout");
            return this;
        }

        /** When to send a request again; {@link RetryPolicy#DEFAULT} unless set, {@link RetryPolicy#NONE} for never. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retry policy");
            return this;
        }

        /** How to wait between attempts; {@link Sleeper#system()} unless set. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * The clock that measures the retry budget and reads {@code Retry-After} dates; the system
         * clock unless set. A test that records waits instead of sleeping advances it by them.
         */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where the backoff's jitter comes from; for tests that want the waits exactly. */
        Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public StockroomClient build() {
            return new StockroomClient(this);
        }

        /** The server's root as the client uses it; see {@link StockroomClient#serverRoot(String)}. */
        static URI serverRoot(URI server) {
            String scheme = server.getScheme();
            if (server.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw new IllegalArgumentException(
                        "not an http(s) URL with a host: " + server + " (expected e.g. " + DEFAULT_SERVER + ")");
            }
            String text = server.toString();
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.endsWith(API_PATH)) {
                text = text.substring(0, text.length() - API_PATH.length());
            }
            return URI.create(text);
        }

        private static Duration positive(Duration duration, String what) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(what + " must be positive: " + duration);
            }
            return duration;
        }
    }
}
