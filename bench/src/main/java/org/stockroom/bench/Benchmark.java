package org.stockroom.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The benchmark harness (issue 6): starts the app server on its embedded PostgreSQL, seeds data
 * at each size, warms up, drives HTTP load at each concurrency and runs pgbench with the same SQL
 * at the same concurrency, then writes the table. See docs/benchmarks.md.
 */
public final class Benchmark {

    private final Options options;
    private final PrintStream progress;

    public Benchmark(Options options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--cluster")) {
            ClusterBenchmark.main(List.of(args), Path.of(System.getProperty("stockroom.root", ".")).toAbsolutePath().normalize());
            return;
        }
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(Options.USAGE + LedgerDepthBenchmark.USAGE + ImportBenchmark.USAGE);
            return;
        }
        Path root = Path.of(System.getProperty("stockroom.root", ".")).toAbsolutePath().normalize();
        if (ImportBenchmark.requested(args)) {
            ImportBenchmark imports;
            try {
                imports = ImportBenchmark.parse(args, root, System.out);
            } catch (IllegalArgumentException e) {
                System.err.println("stockroom-bench: " + e.getMessage());
                System.exit(2);
                return;
            }
            System.out.println();
            System.out.println(imports.run());
            return;
        }
        if (LedgerDepthBenchmark.requested(args)) {
            LedgerDepthBenchmark ledgerDepth;
            try {
                ledgerDepth = LedgerDepthBenchmark.parse(args, root, System.out);
            } catch (IllegalArgumentException e) {
                System.err.println("stockroom-bench: " + e.getMessage());
                System.exit(2);
                return;
            }
            System.out.println();
            System.out.println(ledgerDepth.run());
            return;
        }
        Options options;
        try {
            options = Options.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println("stockroom-bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        RunResult result = new Benchmark(options, System.out).run();
        System.out.println();
        System.out.println(Report.markdown(result));
        System.out.println("Written to " + options.output() + " (raw results in " + options.workDirectory() + ")");
    }

    public RunResult run() throws IOException, InterruptedException, SQLException {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        if (!Files.isRegularFile(options.serverJar())) {
            throw new IOException("no app server jar at " + options.serverJar() + "; build it first (./mvnw -DskipTests install)");
        }
        Path work = options.workDirectory();
        deleteRecursively(work);
        Files.createDirectories(work);
        Machine machine = Machine.current();
        say("Machine: " + machine.describe() + "; " + machine.jdk());

        Optional<PgBench> pgbench = Optional.empty();
        if (options.pgbench()) {
            // The embedded PostgreSQL has max_connections = 100; the server's pool holds up to 10.
            pgbench = PgBench.find(work.resolve("pgbench"), 80);
            if (pgbench.isEmpty()) {
                say("pgbench: not installed (apt-get install postgresql-client-15 or PGBENCH=/path/to/pgbench); skipping the pgbench column");
            } else {
                say("pgbench: " + pgbench.get().version());
            }
        }

        Optional<WrkLoad.Installed> wrk = options.load() == Options.Load.JAVA ? Optional.empty() : WrkLoad.find();
        if (wrk.isPresent()) {
            say("Load generator: " + wrk.get().version());
        } else if (options.load() == Options.Load.WRK) {
            throw new IOException("--load=wrk, but wrk is not installed (apt-get install wrk, or WRK=/path/to/wrk)");
        } else {
            say("Load generator: " + (options.load() == Options.Load.JAVA ? "the Java one (--load=java)"
                    : "the Java one, wrk is not installed (apt-get install wrk or WRK=/path/to/wrk)"));
        }
        String loadGenerator = wrk.map(w -> w.version() + ", threads = 2 (1 for an odd number of clients)")
                .orElse(HttpLoad.DESCRIPTION);

        AppServer server = new AppServer(options.serverJar(), options.serverJvmOptions(), options.aotCache(),
                work.resolve("data"), work.resolve("server.log"));
        say("Server JVM options: " + String.join(" ", server.jvmOptions()));
        try {
            AppServer.Start firstStart = server.start(Duration.ofSeconds(120));
            say("First start (empty data directory): " + Report.start(firstStart));
            List<AppServer.Start> coldStarts = new ArrayList<>();
            for (int i = 0; i < options.restarts(); i++) {
                server.stop();
                coldStarts.add(server.start(Duration.ofSeconds(60)));
                say("Cold start " + (i + 1) + ": " + Report.start(coldStarts.getLast()));
            }
            Thread.sleep(options.restarts() > 0 ? 3000 : 500);
            long idleRss = server.rss();
            say("Idle RSS: " + Report.mib(idleRss));
            String postgresVersion = postgresVersion(server.jdbcUrl());

            CpuMeter cpu = new CpuMeter(server.pid());
            Seeder seeder = new Seeder(server.jdbcUrl());
            Map<Long, Duration> seedTimes = new LinkedHashMap<>();
            Map<Long, Long> rssAfterLoad = new LinkedHashMap<>();
            List<RunResult.Step> steps = new ArrayList<>();
            LoadGenerator load = null;
            for (long size : options.sizes()) {
                long seedStart = System.nanoTime();
                seeder.seedUpTo(size);
                seedTimes.put(size, Duration.ofNanos(System.nanoTime() - seedStart));
                say("Seeded " + Report.count(size) + " products in " + Report.seconds(seedTimes.get(size)));
                load = wrk.isPresent()
                        ? wrk.get().load(work.resolve("wrk"), server.api(), server.token(), size, Seeder.LOCATIONS)
                        : new HttpLoad(server.api(), server.token(), size, Seeder.LOCATIONS);
                if (size == options.sizes().getFirst() && options.jitWarmupSeconds() > 0) {
                    // A fresh JVM interprets, then compiles: give the JIT its time before anything counts.
                    int each = Math.max(1, options.jitWarmupSeconds() / Operation.values().length);
                    for (Operation operation : Operation.values()) {
                        Stats warm = load.run(operation, 8, Duration.ofSeconds(each));
                        say("  JIT warm-up %s: %s req/s, %d errors".formatted(operation.title(), Report.number(warm.perSecond(), 0), warm.errors()));
                    }
                }
                for (Operation operation : Operation.values()) {
                    int warmupClients = Math.min(32, options.clients().stream().mapToInt(Integer::intValue).max().orElse(1));
                    if (options.warmupSeconds() > 0) {
                        Stats warm = load.run(operation, warmupClients, Duration.ofSeconds(options.warmupSeconds()));
                        say("  warm-up %s: %s req/s, %d errors".formatted(operation.title(), Report.number(warm.perSecond(), 0), warm.errors()));
                        awaitIdle(server);
                    }
                    List<RunResult.Step> opSteps = new ArrayList<>();
                    for (int clients : options.clients()) {
                        opSteps.add(new RunResult.Step(size, operation, clients,
                                pgbench.map(p -> p.clientsFor(clients)).orElse(clients), List.of(), List.of()));
                    }
                    for (int repetition = 1; repetition <= options.repeats(); repetition++) {
                        for (RunResult.Step step : opSteps) {
                            cpu.start();
                            Stats http = load.run(operation, step.clients(), Duration.ofSeconds(options.measureSeconds()));
                            http = http.withCpu(cpu.stop().childrenAsLoad());
                            step.server().add(http);
                            awaitIdle(server);
                            String line = "  %,d products, %s, %d clients, run %d: HTTP %s req/s p50 %s p99 %s ms, %d errors, CPU server/PG/load %s"
                                    .formatted(size, operation.title(), step.clients(), repetition, Report.number(http.perSecond(), 0),
                                            Report.number(http.p50Millis(), 2), Report.number(http.p99Millis(), 2), http.errors(),
                                            Report.serverCpu(http.cpu()));
                            if (pgbench.isPresent()) {
                                cpu.start();
                                Stats pg = pgbench.get().run(operation, step.clients(), Duration.ofSeconds(options.measureSeconds()),
                                        server.databasePort(), server.tokenHash(), size, Seeder.LOCATIONS);
                                pg = pg.withCpu(cpu.stop());
                                step.pgbench().add(pg);
                                line += "; pgbench %s tps p50 %s p99 %s ms, %d failed, CPU PG/pgbench %s".formatted(Report.number(pg.perSecond(), 0),
                                        Report.number(pg.p50Millis(), 2), Report.number(pg.p99Millis(), 2), pg.errors(),
                                        Report.pgbenchCpu(pg.cpu()));
                            }
                            say(line);
                        }
                    }
                    steps.addAll(opSteps);
                }
                rssAfterLoad.put(size, server.rss());
                say("RSS after the load at " + Report.count(size) + " products: " + Report.mib(rssAfterLoad.get(size)));
            }

            String jfrSummary = null;
            if (options.jfr() && load != null) {
                jfrSummary = profile(server, load, work, Operation.POST_MOVEMENT) + "\n" + profile(server, load, work, Operation.GET_PRODUCT);
            }
            long peakRss = server.peakRss();
            server.stop();

            RunResult result = new RunResult(started, Duration.ofNanos(System.nanoTime() - startNanos), machine,
                    postgresVersion, pgbench.map(PgBench::version).orElse(null), options, commit(),
                    // Paths relative to the jar's folder: the report names the files, not this machine's layout.
                    String.join(" ", server.jvmOptions()).replace(options.serverJar().toAbsolutePath().getParent() + "/", ""),
                    firstStart, coldStarts,
                    idleRss, rssAfterLoad, peakRss, seedTimes, steps, jfrSummary, loadGenerator);
            Files.writeString(work.resolve("results.csv"), Report.csv(result), StandardCharsets.UTF_8);
            Files.writeString(work.resolve("results.json"), Report.json(result), StandardCharsets.UTF_8);
            Report.insert(options.output(), Report.markdown(result));
            return result;
        } finally {
            server.stop();
        }
    }

    /** An extra, unmeasured step at 32 clients with JFR on; returns the hot spots. */
    private String profile(AppServer server, LoadGenerator load, Path work, Operation operation) {
        Path recording = work.resolve(operation.pgbenchScript().replace(".sql", ".jfr"));
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        try {
            exec(jcmd.toString(), Long.toString(server.pid()), "JFR.start", "name=bench", "settings=profile");
            Stats stats = load.run(operation, 32, Duration.ofSeconds(10));
            exec(jcmd.toString(), Long.toString(server.pid()), "JFR.stop", "name=bench", "filename=" + recording);
            String summary = "== " + operation.title() + ", 32 clients, 10 s (" + Report.number(stats.perSecond(), 0)
                    + " req/s while recording): " + recording.getFileName() + "\n" + JfrHotSpots.summarize(recording, 10);
            say("JFR:\n" + summary);
            return summary;
        } catch (IOException | InterruptedException | RuntimeException e) {
            say("JFR recording failed: " + e);
            return "== " + operation.title() + ": JFR recording failed: " + e + "\n";
        }
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
    }

    private static String postgresVersion(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("show server_version")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The checkout's commit, if git is there to say; "unknown" otherwise. */
    private String commit() {
        try {
            Process process = new ProcessBuilder("git", "describe", "--always", "--dirty")
                    .directory(Path.of(System.getProperty("stockroom.root", ".")).toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 && !output.isEmpty() ? output : "unknown";
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "unknown";
        }
    }

    private void awaitIdle(AppServer server) throws IOException, InterruptedException {
        Progress.awaitIdle(server, progress);
    }

    private void say(String line) {
        Progress.say(progress, line);
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
