package org.stockroom.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs pgbench ({@code -M prepared}) with the SQL the app server sends for each operation,
 * against the same PostgreSQL, at the same concurrency: the limit the server is measured against.
 * Latency percentiles come from pgbench's per-transaction log ({@code --log}).
 */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: ([0-9]+)");

    private final Path executable;
    private final Path workDirectory;
    private final int maxClients;
    private final String version;

    private PgBench(Path executable, Path workDirectory, int maxClients, String version) {
        this.executable = executable;
        this.workDirectory = workDirectory;
        this.maxClients = maxClients;
        this.version = version;
    }

    /** pgbench from PGBENCH, the PATH or /usr/lib/postgresql/NN/bin; empty if there is none. */
    static Optional<PgBench> find(Path workDirectory, int maxClients) throws IOException, InterruptedException {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("PGBENCH");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "pgbench"));
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted().forEach(v -> candidates.add(v.resolve("bin/pgbench")));
            }
        }
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) {
                Process process = new ProcessBuilder(candidate.toString(), "--version").redirectErrorStream(true).start();
                String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (process.waitFor() == 0) {
                    Files.createDirectories(workDirectory);
                    return Optional.of(new PgBench(candidate, workDirectory, maxClients, version));
                }
            }
        }
        return Optional.empty();
    }

    String version() {
        return version;
    }

    /** pgbench opens one connection per client; the embedded PostgreSQL allows 100 in all. */
    int clientsFor(int clients) {
        return Math.min(clients, maxClients);
    }

    Stats run(Operation operation, int requestedClients, Duration duration, int databasePort,
              String tokenHash, long products, int locations) throws IOException, InterruptedException {
        int clients = clientsFor(requestedClients);
        Path script = workDirectory.resolve(operation.pgbenchScript());
        if (!Files.exists(script)) {
            try (InputStream in = PgBench.class.getResourceAsStream("pgbench/" + operation.pgbenchScript())) {
                Files.write(script, in.readAllBytes());
            }
        }
        String prefix = "log-" + operation.name().toLowerCase() + "-" + clients + "-" + System.nanoTime();
        Path output = workDirectory.resolve(prefix + ".out");
        List<String> command = List.of(executable.toString(),
                "-h", "127.0.0.1", "-p", Integer.toString(databasePort), "-U", "postgres",
                "-n", "-M", "prepared", "-c", Integer.toString(clients), "-j", Integer.toString(clients),
                "-T", Long.toString(Math.max(1, duration.toSeconds())),
                "-D", "products=" + products, "-D", "locations=" + locations,
                "-D", "tokenhash=" + tokenHash, "-D", "username=" + AppServer.ADMIN,
                // What the server stores for a movement, as parameters like the server's (see post-movement.sql).
                "-D", "fingerprint=53362c8907465b3f755e25d928f98f91c377f20ff80eb7f7256793ddd827e72b",
                "-D", "auditdetails={\"type\":\"RECEIVE\",\"sku\":\"SKU-00000001\",\"quantity\":1,\"to\":\"LOC-01\",\"reference\":\"bench\"}",
                "-D", "responsebody={\"from\":null,\"id\":1,\"occurredAt\":\"2026-11-22T02:05:51.295440Z\",\"quantity\":1,"
                        + "\"reason\":null,\"recordedBy\":\"admin\",\"reference\":\"bench\",\"sku\":\"SKU-00000001\","
                        + "\"to\":\"LOC-01\",\"type\":\"RECEIVE\"}",
                "--log", "--log-prefix=" + prefix,
                "-f", script.getFileName().toString(), "stockroom");
        Process process = new ProcessBuilder(command).directory(workDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(duration.toSeconds() + 120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("pgbench did not finish; see " + output);
        }
        String text = Files.readString(output);
        if (process.exitValue() != 0 && !text.contains("tps = ")) {
            throw new IOException("pgbench failed (exit " + process.exitValue() + "): " + text.strip());
        }
        Matcher tps = TPS.matcher(text);
        double perSecond = tps.find() ? Double.parseDouble(tps.group(1)) : 0;
        Matcher failed = FAILED.matcher(text);
        long errors = failed.find() ? Long.parseLong(failed.group(1)) : 0;
        if (process.exitValue() != 0) {
            errors = Math.max(errors, 1);  // aborted clients
        }

        // Per-transaction log: client_id transaction_no time(us) script_no epoch epoch_us ...
        List<Long> latencies = new ArrayList<>();
        try (Stream<Path> logs = Files.list(workDirectory)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith(prefix + ".")
                    && !p.getFileName().toString().endsWith(".out")).toList()) {
                try (Stream<String> lines = Files.lines(log)) {
                    lines.forEach(line -> {
                        String[] fields = line.split(" ");
                        if (fields.length > 2 && fields[2].chars().allMatch(Character::isDigit)) {
                            latencies.add(Long.parseLong(fields[2]));
                        }
                    });
                }
                Files.delete(log);
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Stats(sorted.length, errors, perSecond, percentile(sorted, 50), percentile(sorted, 99), CpuMeter.Share.NONE);
    }

    private static double percentile(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }
}
