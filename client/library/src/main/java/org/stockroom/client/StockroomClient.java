package org.stockroom.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Random;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLContext;

/**
 * Typed access to the Stockroom REST API ({@code /api/v1}) over HTTP/JSON.
 *
 * <p>The API's resources each have their facade: {@link #products()}, {@link #locations()},
 * {@link #stock()}, {@link #movements()}, {@link #events()}, {@link #stocktakes()}, {@link #reservations()}, {@link #audit()},
 * {@link #auth()} and {@link #users()};
 * they share this client's connection, token and retries.
 * Every method either returns what the server sent or throws a {@link StockroomClientException}:
 * {@link ProblemException} when the server said no, {@link ServerUnreachableException} when it
 * did not answer. A 401 arrives as {@link NotAuthenticatedException} (log in, or in again), a
 * 403 as {@link NotPermittedException}. One client is safe to share between threads; close it
 * when done.
 *
 * <p>The client sends the bearer token it was built with ({@link Builder#bearerToken}); to log
 * in, build one without, call {@link Auth#logIn}, and build the next one with the token it returns
 * ({@link SessionStore} keeps it between runs).
 *
 * <p>Requests that are safe to repeat are retried when the failure may pass (see
 * {@link RetryPolicy}): reads always, and the creating methods when given an idempotency key,
 * e.g. {@code products().create(product, IdempotencyKeys.newKey())}. Keep the key for as long as
 * you mean the same change: a repeat with that key is applied once by the server.
 *
 * <pre>{@code
 * try (var client = StockroomClient.create(URI.create("http://127.0.0.1:8080"))) {
 *     client.movements().record(NewMovement.receive("BOLT-1", 10, "MAIN", null, "PO-1"));
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

    private final URI server;
    private final Transport transport;
    private final Products products;
    private final Locations locations;
    private final Stock stock;
    private final Movements movements;
    private final PurchaseOrders purchaseOrders;
    private final Events events;
    private final Stocktakes stocktakes;
    private final Reservations reservations;
    private final Audit audit;
    private final Auth auth;
    private final Users users;
    private final Lots lots;
    private final Imports imports;
    private final Exports exports;

    private StockroomClient(Builder builder) {
        this.server = builder.server;
        this.transport = new Transport(URI.create(builder.server + API_PATH), new Transport.Settings(
                builder.server, builder.connectTimeout, builder.requestTimeout, builder.retryPolicy,
                builder.sleeper, builder.clock, builder.random, builder.tls, builder.bearerToken));
        this.products = new Products(transport);
        this.locations = new Locations(transport);
        this.stock = new Stock(transport);
        this.movements = new Movements(transport);
        this.purchaseOrders = new PurchaseOrders(transport);
        this.events = new Events(transport);
        this.stocktakes = new Stocktakes(transport);
        this.reservations = new Reservations(transport);
        this.audit = new Audit(transport);
        this.auth = new Auth(transport);
        this.users = new Users(transport);
        this.lots = new Lots(transport);
        this.imports = new Imports(transport);
        this.exports = new Exports(transport);
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
        return transport.retryPolicy();
    }

    /** The catalogue: create, list, read, edit and archive products. */
    public Products products() {
        return products;
    }

    /** The places stock is kept. */
    public Locations locations() {
        return locations;
    }

    /** What is on hand where. */
    public Stock stock() {
        return stock;
    }

    /** The ledger: record and read receipts, issues, transfers and adjustments. */
    public Movements movements() {
        return movements;
    }

    /** Purchase orders: create, list, read, receive deliveries against them, cancel. */
    public PurchaseOrders purchaseOrders() {
        return purchaseOrders;
    }

    /** The lots of lot-tracked products: stock by lot, and lots that expire soon. */
    public Lots lots() {
        return lots;
    }

    /** The live stream of movements and stock levels, resumed by itself after a break. */
    public Events events() {
        return events;
    }

    /** Counts of a location's stock, posted as adjustments. */
    public Stocktakes stocktakes() {
        return stocktakes;
    }

    /** Reservations: stock held for a reference, released, consumed by issues, or expired. */
    public Reservations reservations() {
        return reservations;
    }

    /** Who changed what; for managers and admins. */
    public Audit audit() {
        return audit;
    }

    /** Log-in, log-out and the caller's own account. */
    public Auth auth() {
        return auth;
    }

    /** User accounts; for administrators. */
    public Users users() {
        return users;
    }

    /** CSV imports of products, locations and opening stock, streamed from a file; for managers. */
    public Imports imports() {
        return imports;
    }

    /** CSV exports of products, locations, stock levels and the ledger, streamed to a file. */
    public Exports exports() {
        return exports;
    }

    /**
     * Ends the client: requests still running, open event streams and exports among them, get 5 s
     * to finish and are then aborted, so closing never waits on a stream nobody reads. A
     * {@link Subscription} still open then ends, and its {@code await} throws "the client was closed".
     */
    @Override
    public void close() {
        transport.close();
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
