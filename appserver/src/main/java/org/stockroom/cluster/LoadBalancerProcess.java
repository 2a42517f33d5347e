package org.stockroom.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * HAProxy, from the operating system's packages, run as a child process with the project's own
 * configuration ({@code loadbalancer/haproxy.cfg}, packed into the jar at build time) and this
 * cluster's servers written into each of its backends, in place of their {@value #SERVERS_MARKER} line.
 */
public final class LoadBalancerProcess {

    /** Where the configuration template is on the classpath (copied from loadbalancer/ by the build). */
    static final String TEMPLATE = "/org/stockroom/cluster/haproxy.cfg";
    /** The line of each backend that the servers' lines replace. */
    static final String SERVERS_MARKER = "# @servers";
    /** The backends: requests, and the event streams (no cap on streams per server). */
    static final List<String> BACKENDS = List.of("appservers", "appserver-events");
    private static final List<String> SEARCH_PATH = List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String host;
    private final int port;
    private final int statsPort;
    private final Path log;
    private final Process process;

    private LoadBalancerProcess(String host, int port, int statsPort, Path log, Process process) {
        this.host = host;
        this.port = port;
        this.statsPort = statsPort;
        this.log = log;
        this.process = process;
    }

    /** The haproxy binary on the PATH or in the usual sbin folders (root's PATH is not everyone's). */
    public static Optional<Path> findExecutable() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(java.io.File.pathSeparator)), SEARCH_PATH.stream())
                .filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, "haproxy"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The configuration for servers on 127.0.0.1 at these ports: the template with one server line each, in each backend. */
    static String configuration(List<Integer> serverPorts) throws IOException {
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < serverPorts.size(); i++) {
            servers.append("    server app").append(i + 1).append(" 127.0.0.1:").append(serverPorts.get(i)).append('\n');
        }
        StringBuilder config = new StringBuilder();
        int markers = 0;
        for (String line : template().split("\n", -1)) {
            if (line.strip().startsWith(SERVERS_MARKER)) {
                config.append(servers);
                markers++;
            } else {
                config.append(line).append('\n');
            }
        }
        if (markers != BACKENDS.size()) {
            throw new IOException("the load balancer's configuration has " + markers + " '" + SERVERS_MARKER
                    + "' lines, one per backend " + BACKENDS + " expected");
        }
        return config.toString();
    }

    private static String template() throws IOException {
        try (InputStream in = LoadBalancerProcess.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IOException("the load balancer's configuration " + TEMPLATE + " is not in the jar; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Writes the configuration into {@code directory}, checks it with {@code haproxy -c} and starts
     * HAProxy in the foreground of its process (no daemon: it ends with this JVM's shutdown hook).
     */
    static LoadBalancerProcess start(Path haproxy, String host, int port, int statsPort, List<Integer> serverPorts,
                                     int connectionsPerServer, Path directory, Path log) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Files.createDirectories(log.getParent());
        Path config = directory.resolve("haproxy.cfg");
        Files.writeString(config, configuration(serverPorts));
        List<String> environment = List.of(
                "STOCKROOM_LB_BIND=" + host + ":" + port,
                "STOCKROOM_LB_STATS_BIND=127.0.0.1:" + statsPort,
                "STOCKROOM_LB_SERVER_MAXCONN=" + connectionsPerServer);
        Process check = haproxyProcess(haproxy, environment, List.of("-c", "-f", config.toString()), log).start();
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            check.destroyForcibly();
            throw new IOException("haproxy -c refused " + config + "; see " + log);
        }
        Process process = haproxyProcess(haproxy, environment, List.of("-db", "-f", config.toString()), log).start();
        return new LoadBalancerProcess(host, port, statsPort, log, process);
    }

    private static ProcessBuilder haproxyProcess(Path haproxy, List<String> environment, List<String> arguments, Path log) {
        List<String> command = new java.util.ArrayList<>();
        command.add(haproxy.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        for (String variable : environment) {
            int equals = variable.indexOf('=');
            builder.environment().put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        return builder;
    }

    /** Waits until HAProxy counts {@code servers} servers of the backend as UP. */
    void awaitServersUp(int servers, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("haproxy exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (serversUp() >= servers) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(100);
        }
        throw new IOException("haproxy did not see " + servers + " servers up within " + timeout + "; see " + log);
    }

    /** How many servers HAProxy has in service now in every backend, from its statistics (CSV). */
    public int serversUp() throws IOException, InterruptedException {
        List<Row> rows = statistics(BACKENDS);
        return BACKENDS.stream()
                .mapToInt(backend -> (int) rows.stream().filter(row -> row.proxy().equals(backend)
                        && row.server().startsWith("app") && row.status().startsWith("UP")).count())
                .min().orElse(0);
    }

    /** One row of HAProxy's statistics: a frontend, backend or server, with its status and request count. */
    public record Row(String proxy, String server, String status, long sessions) {
    }

    /** The servers of the requests' backend ({@code appservers}) as HAProxy sees them now. */
    public List<Row> statistics() throws IOException, InterruptedException {
        return statistics(List.of("appservers"));
    }

    /** The rows of these backends (their servers and the backend itself) as HAProxy sees them now. */
    public List<Row> statistics(List<String> backends) throws IOException, InterruptedException {
        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(statsUri().resolve("/stats;csv"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (csv.statusCode() != 200) {
            throw new IOException("haproxy's statistics answered " + csv.statusCode());
        }
        List<String> lines = csv.body().lines().toList();
        List<String> header = List.of(lines.getFirst().replaceFirst("^# ", "").split(","));
        int proxy = header.indexOf("pxname");
        int server = header.indexOf("svname");
        int status = header.indexOf("status");
        int total = header.indexOf("stot");
        return lines.stream().skip(1).filter(line -> !line.isBlank())
                .map(line -> line.split(",", -1))
                .filter(fields -> backends.contains(fields[proxy]))
                .map(fields -> new Row(fields[proxy], fields[server], fields[status],
                        fields[total].isEmpty() ? 0 : Long.parseLong(fields[total])))
                .toList();
    }

    /** Where clients connect: {@code http://127.0.0.1:8080}. */
    public URI uri() {
        return URI.create("http://" + host + ":" + port);
    }

    /** HAProxy's statistics page ({@code /stats}) and Prometheus metrics ({@code /metrics}). */
    public URI statsUri() {
        return URI.create("http://127.0.0.1:" + statsPort);
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
