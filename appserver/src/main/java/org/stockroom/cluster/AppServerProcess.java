package org.stockroom.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One app server as a process of its own, started the way {@code bin/stockroom-server} starts it:
 * {@code java @stockroom.jvm [-XX:AOTCache=...] -jar stockroom-appserver.jar}, with its settings in
 * {@code STOCKROOM_*} environment variables and its output in a log file.
 */
public final class AppServerProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private AppServerProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts the server; returns at once (see {@link #awaitReady}).
     *
     * @param environment the complete {@code STOCKROOM_*} settings of this server; the caller's
     *                    other {@code STOCKROOM_*} variables are not passed on
     */
    static AppServerProcess start(String name, Path jar, int port, Map<String, String> environment, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions(jar, !"false".equals(environment.get("STOCKROOM_AOT_CACHE"))));
        // As bin/stockroom-server: STOCKROOM_JAVA_OPTS come after the options file, so they win.
        String extraOptions = environment.getOrDefault("STOCKROOM_JAVA_OPTS", "").strip();
        if (!extraOptions.isEmpty()) {
            command.addAll(List.of(extraOptions.split("\\s+")));
        }
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(variable -> variable.startsWith("STOCKROOM_"));
        builder.environment().putAll(environment);
        return new AppServerProcess(name, port, log, builder.start());
    }

    /**
     * The JVM options users run the server with: the options file next to the jar, and the JDK's AOT
     * cache next to it when one exists that is newer than both (bin/stockroom-server makes it) and
     * {@code STOCKROOM_AOT_CACHE} is not {@code false}.
     */
    static List<String> jvmOptions(Path jar, boolean aotCache) throws IOException {
        List<String> options = new ArrayList<>();
        Path directory = jar.toAbsolutePath().getParent();
        Path optionsFile = directory.resolve("stockroom.jvm");
        if (Files.isRegularFile(optionsFile)) {
            options.add("@" + optionsFile);
        }
        String jarName = jar.getFileName().toString();
        Path cache = directory.resolve(jarName.substring(0, jarName.length() - ".jar".length()) + ".aot");
        if (aotCache && Files.isRegularFile(cache) && newer(cache, jar)
                && (!Files.isRegularFile(optionsFile) || newer(cache, optionsFile))) {
            options.add("-XX:AOTCache=" + cache);
        }
        return options;
    }

    private static boolean newer(Path file, Path than) throws IOException {
        return Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(than)) > 0;
    }

    /** Waits for the first 200 from {@code /health/ready}; fails early if the process exits. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(uri().resolve("/health/ready")).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + " while starting; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(100);
        }
        throw new IOException(name + " was not ready within " + timeout + "; see " + log);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** The server's own root, bypassing the load balancer: {@code http://127.0.0.1:8081}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the process at once (SIGKILL), as a crash would: no shutdown hook, no goodbye to PostgreSQL. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Stops the server (SIGTERM: it finishes its requests) and waits for it. */
    public void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
