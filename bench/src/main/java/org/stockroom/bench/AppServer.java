package org.stockroom.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app server as a process of its own, started as users start it ({@code java @stockroom.jvm
 * -XX:AOTCache=stockroom-appserver.aot -jar stockroom-appserver.jar}, the options file and the AOT
 * cache next to the jar, the cache only when it is there and newer than the jar), on its embedded
 * PostgreSQL, with benchmark settings: rate limits off, no demo data, a generated admin password,
 * and fixed ports so that the harness and pgbench reach the same PostgreSQL.
 */
final class AppServer {

    static final String ADMIN = "admin";
    /** Server settings taken from the benchmark's own environment, for A/B runs (see benchmarks.md). */
    static final List<String> TUNING_VARIABLES = List.of("STOCKROOM_DB_POOL_SIZE", "STOCKROOM_SESSION_CACHE_TTL");

    /** The tuning variables set in this environment, as NAME=value, for the report. */
    static List<String> tuningSettings() {
        return TUNING_VARIABLES.stream().filter(name -> System.getenv(name) != null)
                .map(name -> name + "=" + System.getenv(name)).toList();
    }

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern BULKHEAD_AVAILABLE = metric("stockroom_database_bulkhead_available");
    private static final Pattern BULKHEAD_MAX = metric("stockroom_database_bulkhead_max");

    private static Pattern metric(String name) {
        return Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})?\\s+([0-9.eE+-]+)\\s*$");
    }

    private final Path jar;
    private final List<String> jvmOptions;
    private final Path dataDirectory;
    private final Path log;
    private final String adminPassword;
    private final int httpPort;
    private final int databasePort;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private String token;

    /**
     * How long a start took: to the first 200 on {@code /health/ready}, and to the first 200 on an
     * authenticated GET ({@code /products?limit=1}) with a token issued before the start (on the very
     * first start there is none yet: then it includes the log-in).
     */
    record Start(Duration ready, Duration authenticated) {
    }

    /** @param extraJvmOptions given after the options file, so they win over it */
    AppServer(Path jar, List<String> extraJvmOptions, boolean aotCache, Path dataDirectory, Path log) throws IOException {
        this.jar = jar;
        this.jvmOptions = jvmOptions(jar, extraJvmOptions, aotCache);
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.adminPassword = "bench-" + HexFormat.of().formatHex(java.security.SecureRandom.getSeed(12));
        this.httpPort = freePort();
        this.databasePort = freePort();
    }

    /**
     * Starts the server and waits for the first 200 on {@code /health/ready} and on an authenticated
     * GET; logs in first when it holds no token yet (the first start). A token survives a restart
     * (tokens live in the database), as a client's does.
     */
    Start start(Duration timeout) throws IOException, InterruptedException {
        if (process != null) {
            throw new IllegalStateException("already running");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        // The server must not pick up the caller's database or ports; only the tuning settings
        // an A/B run varies pass through.
        env.keySet().removeIf(name -> name.startsWith("STOCKROOM_") && !TUNING_VARIABLES.contains(name));
        env.put("STOCKROOM_HTTP_HOST", "127.0.0.1");
        env.put("STOCKROOM_HTTP_PORT", Integer.toString(httpPort));
        env.put("STOCKROOM_DATA_DIR", dataDirectory.toString());
        env.put("STOCKROOM_EMBEDDED_DB_PORT", Integer.toString(databasePort));
        env.put("STOCKROOM_DEMO_DATA", "false");
        env.put("STOCKROOM_ADMIN_PASSWORD", adminPassword);
        env.put("STOCKROOM_RATE_LIMIT_PER_USER", "0");
        env.put("STOCKROOM_RATE_LIMIT_PER_ADDRESS", "0");
        long started = System.nanoTime();
        process = builder.start();
        long deadline = started + timeout.toNanos();
        Duration ready = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the app server exited with " + process.exitValue() + " during start-up; see " + log);
            }
            try {
                // Both probes on every round: the authenticated GET may well answer first.
                if (ready == null && health().statusCode() == 200) {
                    ready = Duration.ofNanos(System.nanoTime() - started);
                }
                if (token == null) {
                    token = logIn();
                }
                if (token != null && get("products?limit=1").statusCode() == 200) {
                    Duration authenticated = Duration.ofNanos(System.nanoTime() - started);
                    return new Start(ready != null ? ready : authenticated, authenticated);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IOException("the app server gave no 200 within " + timeout + "; see " + log);
    }

    /** The JVM options, as the server is started: {@code @stockroom.jvm}, the AOT cache if usable, then the extra ones. */
    List<String> jvmOptions() {
        return jvmOptions;
    }

    private static List<String> jvmOptions(Path jar, List<String> extra, boolean aotCache) throws IOException {
        List<String> options = new ArrayList<>();
        Path directory = jar.toAbsolutePath().getParent();
        Path optionsFile = directory.resolve("stockroom.jvm");
        if (Files.isRegularFile(optionsFile)) {
            options.add("@" + optionsFile);
        }
        String name = jar.getFileName().toString();
        Path cache = directory.resolve(name.substring(0, name.length() - ".jar".length()) + ".aot");
        // A cache older than the jar or the options file is stale, as bin/stockroom-server sees it.
        if (aotCache && Files.isRegularFile(cache) && newer(cache, jar)
                && (!Files.isRegularFile(optionsFile) || newer(cache, optionsFile))) {
            options.add("-XX:AOTCache=" + cache);
        }
        options.addAll(extra);
        return options;
    }

    private static boolean newer(Path file, Path than) throws IOException {
        return Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(than)) > 0;
    }

    private HttpResponse<String> health() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(root().resolve("health/ready"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String logIn() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api().resolve("auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + ADMIN + "\",\"password\":\"" + adminPassword + "\"}"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return null;
        }
        Matcher matcher = TOKEN.matcher(response.body());
        return matcher.find() ? matcher.group(1) : null;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(api().resolve(path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until the server has no database work left: its bulkhead has every place free, twice in
     * a row. When wrk stops, the requests it sent last are still being served (up to the bulkhead's
     * size, and more waiting for a place); pgbench must not start against the same PostgreSQL until
     * they are done, or the two overlap: pgbench's 80 connections slow the server's last movements
     * past the pool's timeout, and its circuit breaker opens for the next step.
     *
     * @return false when the server was still busy after the timeout (the step is measured anyway)
     */
    boolean awaitIdle(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int idleReads = 0;
        while (System.nanoTime() < deadline) {
            String metrics = http.send(HttpRequest.newBuilder(root().resolve("metrics"))
                    .header("Accept", "text/plain").timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher available = BULKHEAD_AVAILABLE.matcher(metrics);
            Matcher max = BULKHEAD_MAX.matcher(metrics);
            if (!available.find() || !max.find()) {
                throw new IOException("the server's /metrics has no stockroom_database_bulkhead_available and _max");
            }
            idleReads = Double.parseDouble(available.group(1)) >= Double.parseDouble(max.group(1)) ? idleReads + 1 : 0;
            if (idleReads == 2) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Stops the server (SIGTERM: its shutdown hook stops the embedded PostgreSQL) and waits for it. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    /** The server's own root, where /health and /metrics live. */
    private URI root() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    URI api() {
        return root().resolve("api/v1/");
    }

    String token() {
        return token;
    }

    /** The SHA-256 (hex) of the bearer token, as auth_token keeps it: what pgbench looks up. */
    String tokenHash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + databasePort + "/stockroom";
    }

    int databasePort() {
        return databasePort;
    }

    long pid() {
        return process.pid();
    }

    /** The server JVM's resident set size in bytes (VmRSS), or -1 where /proc is not available. */
    long rss() {
        return procStatus("VmRSS");
    }

    /** The server JVM's peak resident set size in bytes (VmHWM), or -1. */
    long peakRss() {
        return procStatus("VmHWM");
    }

    private long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
