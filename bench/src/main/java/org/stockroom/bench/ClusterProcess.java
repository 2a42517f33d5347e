package org.stockroom.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A local cluster started the way {@code bin/stockroom-cluster} starts it: the app server's jar
 * runs {@code org.stockroom.cluster.LocalCluster} in a process of its own, which holds the embedded
 * PostgreSQL and starts N app servers and HAProxy. Ports: the load balancer on a free port, the
 * app servers on the ports after it, PostgreSQL and HAProxy's statistics on free ports.
 */
final class ClusterProcess implements AutoCloseable {

    static final int MAX_SERVERS = 9;
    private static final String LAUNCHER = "org.stockroom.cluster.LocalCluster";

    private final Process process;
    private final int port;
    private final int databasePort;
    private final Path log;

    private ClusterProcess(Process process, int port, int databasePort, Path log) {
        this.process = process;
        this.port = port;
        this.databasePort = databasePort;
        this.log = log;
    }

    static ClusterProcess start(Path serverJar, int servers, Path dataDirectory, Map<String, String> settings,
                                Duration timeout) throws IOException, InterruptedException {
        int port = freeRun(servers + 1);
        int databasePort = freePort();
        int statsPort = freePort();
        Files.createDirectories(dataDirectory);
        Path log = dataDirectory.resolve("cluster.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xms16m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", serverJar.toString(), LAUNCHER, Integer.toString(servers)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        // Only the benchmark's settings: none of the caller's STOCKROOM_* (its database, its ports).
        environment.keySet().removeIf(name -> name.startsWith("STOCKROOM_") && !AppServer.TUNING_VARIABLES.contains(name));
        environment.putAll(settings);
        environment.put("STOCKROOM_HTTP_HOST", "127.0.0.1");
        environment.put("STOCKROOM_HTTP_PORT", Integer.toString(port));
        environment.put("STOCKROOM_EMBEDDED_DB_PORT", Integer.toString(databasePort));
        environment.put("STOCKROOM_LB_STATS_PORT", Integer.toString(statsPort));
        environment.put("STOCKROOM_DATA_DIR", dataDirectory.toString());
        ClusterProcess cluster = new ClusterProcess(builder.start(), port, databasePort, log);
        try {
            cluster.awaitReady(timeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Waits for the launcher's banner (printed once HAProxy has every server in service). */
    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("the cluster exited with " + process.exitValue() + " while starting; see " + log);
                }
                if (Files.readString(log).contains("Stockroom is running")) {
                    HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(uri().resolve("/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (ready.statusCode() == 200) {
                        return;
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new IOException("the cluster was not ready within " + timeout + "; see " + log);
    }

    /** The load balancer. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + databasePort + "/stockroom";
    }

    int databasePort() {
        return databasePort;
    }

    /** SIGTERM: the launcher stops HAProxy, the servers and PostgreSQL, and exits. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The first of {@code count} consecutive ports that are free now (the launcher numbers its servers from it). */
    private static int freeRun(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = freePort();
            if (first + count - 1 <= 65535 && allFree(first, count)) {
                return first;
            }
        }
        throw new IOException("found no " + count + " consecutive free ports on 127.0.0.1");
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                // free
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
