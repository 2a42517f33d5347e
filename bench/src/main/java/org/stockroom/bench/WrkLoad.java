package org.stockroom.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator when wrk is installed: wrk (C, epoll) is far cheaper per request than
 * {@link HttpLoad}, and on two cores every cycle the generator spends is taken from the server.
 * Each operation is a Lua script (resources {@code wrk/}: {@code common.lua}, then the operation's
 * own) that builds the same requests as {@link HttpLoad}, counts any status but the expected one
 * as an error and prints one summary line that {@link #parse} reads.
 *
 * <p>Like {@link HttpLoad} it is closed-loop: each of wrk's connections sends its next request only
 * once the answer to the last one is in. wrk measures each request's latency itself.
 */
final class WrkLoad implements LoadGenerator {

    private static final Pattern SUMMARY = Pattern.compile(
            "stockroom-wrk requests=(\\d+) status_errors=(\\d+) socket_errors=(\\d+) timeouts=(\\d+)"
                    + " duration_us=(\\d+) p50_us=(\\d+) p99_us=(\\d+)");

    private final Path executable;
    private final Path workDirectory;
    private final URI api;
    private final String token;
    private final long products;
    private final int locations;

    private WrkLoad(Path executable, Path workDirectory, URI api, String token, long products, int locations) {
        this.executable = executable;
        this.workDirectory = workDirectory;
        this.api = api;
        this.token = token;
        this.products = products;
        this.locations = locations;
    }

    /** wrk's version line, e.g. "wrk debian/4.1.0-3+b2 [epoll]"; the executable from $WRK or the PATH; empty if none. */
    static Optional<Installed> find() throws IOException, InterruptedException {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("WRK");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "wrk"));
            }
        }
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) {
                // `wrk -v` prints its version and the usage, and exits with 1.
                Process process = new ProcessBuilder(candidate.toString(), "-v").redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                process.waitFor();
                String first = output.lines().findFirst().orElse("").strip();
                if (first.startsWith("wrk ")) {
                    return Optional.of(new Installed(candidate, first.replaceAll("\\s*Copyright.*$", "")));
                }
            }
        }
        return Optional.empty();
    }

    /** wrk found on this machine, ready to drive one size's load. */
    record Installed(Path executable, String version) {

        WrkLoad load(Path workDirectory, URI api, String token, long products, int locations) throws IOException {
            Files.createDirectories(workDirectory);
            return new WrkLoad(executable, workDirectory, api, token, products, locations);
        }
    }

    /**
     * wrk spreads its connections evenly over its threads (connections / threads each, the rest
     * dropped), so: two threads, one per core, when the clients split evenly; one otherwise. More
     * threads than cores would only add switches between them on this machine.
     */
    static int threadsFor(int clients) {
        return clients >= 2 && clients % 2 == 0 ? 2 : 1;
    }

    @Override
    public Stats run(Operation operation, int clients, Duration duration) throws IOException, InterruptedException {
        Path script = script(operation);
        String name = script.getFileName().toString().replace(".lua", "");
        Path output = workDirectory.resolve("wrk-" + name + "-" + clients + "-" + System.nanoTime() + ".out");
        List<String> command = List.of(executable.toString(),
                "-t", Integer.toString(threadsFor(clients)), "-c", Integer.toString(clients),
                "-d", Math.max(1, duration.toSeconds()) + "s", "--timeout", "30s", "--latency",
                "-s", script.toString(), api.toString(), "--",
                api.getPath(), Long.toString(products), Integer.toString(locations),
                UUID.randomUUID().toString(), Integer.toString(HttpLoad.expectedStatus(operation)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("STOCKROOM_BENCH_TOKEN", token);  // not on the command line, where ps shows it
        Process process = builder.start();
        if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("wrk did not finish; see " + output);
        }
        String text = Files.readString(output);
        if (process.exitValue() != 0) {
            throw new IOException("wrk failed (exit " + process.exitValue() + "): " + text.strip());
        }
        return parse(text);
    }

    /**
     * The figures of wrk's run from the summary line common.lua's {@code done()} prints. Requests
     * that answered with another status are errors, not completed requests, as in {@link HttpLoad};
     * wrk's latency percentiles, though, are over every answer (it keeps one histogram).
     */
    static Stats parse(String output) throws IOException {
        Matcher summary = SUMMARY.matcher(output);
        if (!summary.find()) {
            throw new IOException("no summary line in wrk's output: " + output.strip());
        }
        long answered = Long.parseLong(summary.group(1));
        long statusErrors = Long.parseLong(summary.group(2));
        long errors = statusErrors + Long.parseLong(summary.group(3)) + Long.parseLong(summary.group(4));
        double seconds = Long.parseLong(summary.group(5)) / 1e6;
        long completed = answered - statusErrors;
        if (completed <= 0) {
            return new Stats(0, errors, 0, Double.NaN, Double.NaN, CpuMeter.Share.NONE);
        }
        return new Stats(completed, errors, completed / seconds,
                Long.parseLong(summary.group(6)) / 1000.0, Long.parseLong(summary.group(7)) / 1000.0, CpuMeter.Share.NONE);
    }

    /** common.lua and the operation's script, in one file in the work directory (wrk takes one script). */
    private Path script(Operation operation) throws IOException {
        String name = operation.pgbenchScript().replace(".sql", ".lua");
        Path script = workDirectory.resolve(name);
        if (!Files.exists(script)) {
            Files.writeString(script, resource("common.lua") + "\n" + resource(name), StandardCharsets.UTF_8);
        }
        return script;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WrkLoad.class.getResourceAsStream("wrk/" + name)) {
            if (in == null) {
                throw new IOException("no wrk script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
