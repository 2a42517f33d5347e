package org.stockroom.server;

import org.stockroom.database.DatabaseCoordinates;
import org.stockroom.ratelimit.TrustedProxies;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * How to run the server, read from environment variables (the same names docker-compose.yml sets).
 *
 * @param httpHost             {@code STOCKROOM_HTTP_HOST}, default 127.0.0.1 (0.0.0.0 in a container)
 * @param httpPort             {@code STOCKROOM_HTTP_PORT}, default 8080; 0 picks a free port
 * @param externalDatabase     {@code STOCKROOM_DB_URL}, {@code STOCKROOM_DB_USER}, {@code STOCKROOM_DB_PASSWORD};
 *                             when absent, an embedded PostgreSQL is started
 * @param dataDirectory        {@code STOCKROOM_DATA_DIR}, default {@code ./data}: the embedded database
 *                             and the transaction log live here
 * @param embeddedDatabasePort {@code STOCKROOM_EMBEDDED_DB_PORT}, default 0: a free port
 * @param demoData             {@code STOCKROOM_DEMO_DATA}: load demo data into an empty database;
 *                             default true with the embedded database, false with an external one
 * @param databasePoolSize     {@code STOCKROOM_DB_POOL_SIZE}, default 10: the most connections to PostgreSQL
 * @param idempotencyTtl       {@code STOCKROOM_IDEMPOTENCY_TTL}, an ISO-8601 duration, default {@code PT24H}:
 *                             how long the answer to a request with an {@code Idempotency-Key} is replayed
 * @param adminPassword        {@code STOCKROOM_ADMIN_PASSWORD}, at least 12 characters, used as is: the password
 *                             of the user {@code admin} if the server has to create the first administrator
 * @param tokenTtl             {@code STOCKROOM_TOKEN_TTL}, an ISO-8601 duration, default {@code PT8H}: how long a
 *                             bearer token from {@code POST /auth/token} is valid
 * @param sessionCacheTtl      {@code STOCKROOM_SESSION_CACHE_TTL}, an ISO-8601 duration, default {@code PT5S}, {@code PT0S}
 *                             for none: how long a checked token's session is kept in memory; a revocation on this
 *                             server is immediate, one on another server or in SQL is seen within this time
 * @param rateLimits           {@code STOCKROOM_RATE_LIMIT_PER_USER} (default 200) and
 *                             {@code STOCKROOM_RATE_LIMIT_PER_ADDRESS} (default 400): requests per second; 0 is no limit
 * @param tls                  {@code STOCKROOM_TLS_KEYSTORE} and {@code STOCKROOM_TLS_KEYSTORE_PASSWORD}: when set,
 *                             the server speaks HTTPS only, with the key and certificate in that PKCS12 file
 * @param maxBodyBytes         {@code STOCKROOM_MAX_BODY_BYTES}, default 65536 (64 KiB): the largest request body
 *                             the API reads; a larger one is answered 413
 * @param maxImportBytes       {@code STOCKROOM_MAX_IMPORT_BYTES}, default 268435456 (256 MiB): the largest CSV file the
 *                             imports ({@code POST /imports/...}) read, streamed to a temporary file; a larger one is
 *                             answered 413
 * @param logIns               {@code STOCKROOM_LOGIN_CONCURRENCY} and the {@code STOCKROOM_LOGIN_FAILURE*} limits:
 *                             how many password checks run at once, and when failed log-ins are refused with 429
 * @param trustedProxies       {@code STOCKROOM_TRUSTED_PROXIES}, default none: addresses and CIDR blocks (comma-separated)
 *                             of load balancers whose {@code X-Forwarded-For} names the client, for the per-address
 *                             limits and failed log-ins; from anyone else the header is ignored
 * @param eventsHeartbeat      {@code STOCKROOM_EVENTS_HEARTBEAT}, an ISO-8601 duration from {@code PT1S} to {@code PT30S},
 *                             default {@code PT15S}: how long an event stream may stay silent before the server writes a
 *                             heartbeat comment (below the load balancer's idle timeouts), and how often the streams'
 *                             tokens are checked again
 */
public record ServerSettings(String httpHost, int httpPort, Optional<DatabaseCoordinates> externalDatabase,
                             Path dataDirectory, int embeddedDatabasePort, boolean demoData, int databasePoolSize,
                             Duration idempotencyTtl, Optional<String> adminPassword, Duration tokenTtl,
                             Duration sessionCacheTtl,
                             RateLimits rateLimits, Optional<Tls> tls, int maxBodyBytes, long maxImportBytes, LogIns logIns,
                             TrustedProxies trustedProxies, Duration eventsHeartbeat) {

    /** Requests per second allowed to one user and to one client address; 0 turns that limit off. */
    public record RateLimits(int perUser, int perAddress) {

        public static final RateLimits DEFAULT = new RateLimits(200, 400);
        public static final RateLimits OFF = new RateLimits(0, 0);
    }

    /**
     * Log-in's own limits (docs/security.md#failed-log-ins).
     *
     * @param concurrency                 password checks (PBKDF2) at once; 0: half the processors, at least 1
     * @param failuresPerUserAndAddress   failed log-ins of one user name from one address per window; 0: no limit
     * @param failuresPerAddress          failed log-ins from one address, any user names, per window; 0: no limit
     * @param failuresPerUser             failed log-ins of one user name, from any address, per window; 0: no limit
     * @param failureWindow               how long a window lasts from its first failure
     */
    public record LogIns(int concurrency, int failuresPerUserAndAddress, int failuresPerAddress, int failuresPerUser,
                         Duration failureWindow) {

        public static final LogIns DEFAULT = new LogIns(0, 5, 20, 100, Duration.ofMinutes(15));
    }

    /** The PKCS12 keystore with the server's private key and certificate chain, and its password. */
    public record Tls(Path keystore, String keystorePassword) {

        /** Never prints the password. */
        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + ", keystorePassword=(set)]";
        }
    }

    public static final String TLS_KEYSTORE_VARIABLE = "STOCKROOM_TLS_KEYSTORE";
    public static final String TLS_KEYSTORE_PASSWORD_VARIABLE = "STOCKROOM_TLS_KEYSTORE_PASSWORD";
    static final int MAX_RATE_LIMIT = 1_000_000;
    static final int MAX_LOGIN_CONCURRENCY = 1024;

    public static final Duration DEFAULT_IDEMPOTENCY_TTL = Duration.ofHours(24);
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(8);
    public static final Duration DEFAULT_SESSION_CACHE_TTL = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final long DEFAULT_MAX_IMPORT_BYTES = 256L * 1024 * 1024;
    public static final Duration DEFAULT_EVENTS_HEARTBEAT = Duration.ofSeconds(15);
    static final Duration MIN_EVENTS_HEARTBEAT = Duration.ofSeconds(1);
    /** Well below HAProxy's 40 s server timeout (loadbalancer/haproxy.cfg) and the clients' 45 s of silence. */
    static final Duration MAX_EVENTS_HEARTBEAT = Duration.ofSeconds(30);
    public static final String ADMIN_PASSWORD_VARIABLE = "STOCKROOM_ADMIN_PASSWORD";
    static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

    public static ServerSettings fromEnvironment(Map<String, String> env) {
        Optional<DatabaseCoordinates> external = DatabaseCoordinates.fromEnvironment(env);
        return new ServerSettings(
                text(env, "STOCKROOM_HTTP_HOST", "127.0.0.1"),
                port(env, "STOCKROOM_HTTP_PORT", 8080),
                external,
                Path.of(text(env, "STOCKROOM_DATA_DIR", "data")).toAbsolutePath(),
                port(env, "STOCKROOM_EMBEDDED_DB_PORT", 0),
                flag(env, "STOCKROOM_DEMO_DATA", external.isEmpty()),
                positive(env, "STOCKROOM_DB_POOL_SIZE", 10),
                duration(env, "STOCKROOM_IDEMPOTENCY_TTL", DEFAULT_IDEMPOTENCY_TTL),
                password(env, ADMIN_PASSWORD_VARIABLE),
                duration(env, "STOCKROOM_TOKEN_TTL", DEFAULT_TOKEN_TTL),
                durationOrZero(env, "STOCKROOM_SESSION_CACHE_TTL", DEFAULT_SESSION_CACHE_TTL),
                new RateLimits(rate(env, "STOCKROOM_RATE_LIMIT_PER_USER", RateLimits.DEFAULT.perUser()),
                        rate(env, "STOCKROOM_RATE_LIMIT_PER_ADDRESS", RateLimits.DEFAULT.perAddress())),
                tls(env),
                positive(env, "STOCKROOM_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES),
                positiveLong(env, "STOCKROOM_MAX_IMPORT_BYTES", DEFAULT_MAX_IMPORT_BYTES),
                logIns(env),
                trustedProxies(env, "STOCKROOM_TRUSTED_PROXIES"),
                eventsHeartbeat(env, "STOCKROOM_EVENTS_HEARTBEAT"));
    }

    private static Duration eventsHeartbeat(Map<String, String> env, String name) {
        Duration heartbeat = duration(env, name, DEFAULT_EVENTS_HEARTBEAT);
        if (heartbeat.compareTo(MIN_EVENTS_HEARTBEAT) < 0 || heartbeat.compareTo(MAX_EVENTS_HEARTBEAT) > 0) {
            throw new IllegalArgumentException(name + " must be from " + MIN_EVENTS_HEARTBEAT + " to "
                    + MAX_EVENTS_HEARTBEAT + ", not " + heartbeat);
        }
        return heartbeat;
    }

    private static LogIns logIns(Map<String, String> env) {
        return new LogIns(
                wholeNumber(env, "STOCKROOM_LOGIN_CONCURRENCY", LogIns.DEFAULT.concurrency(), 0, MAX_LOGIN_CONCURRENCY,
                        "a whole number from 0 (half the processors) to " + MAX_LOGIN_CONCURRENCY),
                failureLimit(env, "STOCKROOM_LOGIN_FAILURES_PER_USER_AND_ADDRESS", LogIns.DEFAULT.failuresPerUserAndAddress()),
                failureLimit(env, "STOCKROOM_LOGIN_FAILURES_PER_ADDRESS", LogIns.DEFAULT.failuresPerAddress()),
                failureLimit(env, "STOCKROOM_LOGIN_FAILURES_PER_USER", LogIns.DEFAULT.failuresPerUser()),
                duration(env, "STOCKROOM_LOGIN_FAILURE_WINDOW", LogIns.DEFAULT.failureWindow()));
    }

    private static int failureLimit(Map<String, String> env, String name, int defaultValue) {
        return wholeNumber(env, name, defaultValue, 0, MAX_RATE_LIMIT,
                "failed log-ins per window, a whole number from 0 (no limit) to " + MAX_RATE_LIMIT);
    }

    /** Both variables or neither: a keystore without its password (or the reverse) is a mistake to report. */
    private static Optional<Tls> tls(Map<String, String> env) {
        String keystore = env.get(TLS_KEYSTORE_VARIABLE);
        String password = env.get(TLS_KEYSTORE_PASSWORD_VARIABLE);
        boolean hasKeystore = keystore != null && !keystore.isBlank();
        boolean hasPassword = password != null && !password.isEmpty();
        if (!hasKeystore && !hasPassword) {
            return Optional.empty();
        }
        if (!hasKeystore || !hasPassword) {
            throw new IllegalArgumentException("HTTPS needs both " + TLS_KEYSTORE_VARIABLE + " and "
                    + TLS_KEYSTORE_PASSWORD_VARIABLE + "; only " + (hasKeystore ? TLS_KEYSTORE_VARIABLE
                    : TLS_KEYSTORE_PASSWORD_VARIABLE) + " is set");
        }
        return Optional.of(new Tls(Path.of(keystore.strip()).toAbsolutePath(), password));
    }

    /** Never prints the admin password. */
    @Override
    public String toString() {
        return "ServerSettings[httpHost=" + httpHost + ", httpPort=" + httpPort + ", externalDatabase=" + externalDatabase
                + ", dataDirectory=" + dataDirectory + ", embeddedDatabasePort=" + embeddedDatabasePort
                + ", demoData=" + demoData + ", databasePoolSize=" + databasePoolSize
                + ", idempotencyTtl=" + idempotencyTtl + ", adminPassword=" + (adminPassword.isPresent() ? "(set)" : "(not set)")
                + ", tokenTtl=" + tokenTtl + ", sessionCacheTtl=" + sessionCacheTtl + ", rateLimits=" + rateLimits + ", tls=" + tls
                + ", maxBodyBytes=" + maxBodyBytes + ", maxImportBytes=" + maxImportBytes + ", logIns=" + logIns + ", trustedProxies=" + trustedProxies
                + ", eventsHeartbeat=" + eventsHeartbeat + "]";
    }

    private static TrustedProxies trustedProxies(Map<String, String> env, String name) {
        try {
            return TrustedProxies.parse(env.get(name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be IP addresses or CIDR blocks separated by commas: "
                    + e.getMessage());
        }
    }

    /** A secret, used exactly as set (no trimming); absent when unset or blank. */
    private static Optional<String> password(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() < MIN_ADMIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(name + " must be at least " + MIN_ADMIN_PASSWORD_LENGTH + " characters long");
        }
        return Optional.of(value);
    }

    /** A set, non-blank variable, trimmed; otherwise the default. */
    private static String text(Map<String, String> env, String name, String defaultValue) {
        String value = env.get(name);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    private static boolean flag(Map<String, String> env, String name, boolean defaultValue) {
        String value = text(env, name, Boolean.toString(defaultValue));
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
        };
    }

    /** Like {@link #duration}, but zero is allowed: it turns the thing off. */
    private static Duration durationOrZero(Map<String, String> env, String name, Duration defaultValue) {
        String value = env.get(name);
        if (value != null && !value.isBlank()) {
            try {
                if (Duration.parse(value.strip()).isZero()) {
                    return Duration.ZERO;
                }
            } catch (DateTimeParseException e) {
                // reported below, with the message every duration gets
            }
        }
        return duration(env, name, defaultValue);
    }

    private static Duration duration(Map<String, String> env, String name, Duration defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            Duration duration = Duration.parse(value.strip());
            if (duration.isNegative() || duration.isZero()) {
                throw new DateTimeParseException("not positive", value, 0);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a positive ISO-8601 duration such as PT24H or PT30M, not '"
                    + value + "'");
        }
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        return wholeNumber(env, name, defaultPort, 0, 65535, "a port number from 0 to 65535");
    }

    private static int rate(Map<String, String> env, String name, int defaultValue) {
        return wholeNumber(env, name, defaultValue, 0, MAX_RATE_LIMIT,
                "requests per second, a whole number from 0 (no limit) to " + MAX_RATE_LIMIT);
    }

    private static int positive(Map<String, String> env, String name, int defaultValue) {
        return wholeNumber(env, name, defaultValue, 1, Integer.MAX_VALUE, "a whole number above 0");
    }

    private static long positiveLong(Map<String, String> env, String name, long defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of bytes above 0, not '" + value + "'");
        }
    }

    private static int wholeNumber(Map<String, String> env, String name, int defaultValue, int min, int max,
                                   String rule) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be " + rule + ", not '" + value + "'");
        }
    }
}
