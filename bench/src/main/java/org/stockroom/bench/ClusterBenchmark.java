package org.stockroom.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/stockroom-bench --cluster}: get-one-product and post-one-movement throughput through
 * HAProxy with 1, 2 and 3 app servers on this machine (issue 13), each cluster on a fresh embedded
 * PostgreSQL with the same seeded products, and pgbench running the same SQL on the last one as the
 * database's own ceiling. All in one run, so that the ratios compare like with like. Each cluster is
 * started as users start it ({@code bin/stockroom-cluster}'s launcher, a process of its own).
 */
final class ClusterBenchmark {

    static final String MARKER = "<!-- cluster bench results: bin/stockroom-bench --cluster inserts each new run below this line, newest first -->";
    static final String USAGE = """
            Usage: stockroom-bench --cluster [options]
              --servers=1,2,3         cluster sizes to measure, each a fresh cluster
              --products=10000        products seeded into each cluster's database
              --clients=32            concurrent clients through the load balancer
              --warmup=10             seconds of warm-up per operation on each fresh cluster
              --measure=15            seconds per measured step
              --repeats=2             repetitions of each step (the median is quoted)
              --no-pgbench            skip the pgbench ceiling
              --server-jar=PATH       default appserver/target/stockroom-appserver.jar
              --work-dir=PATH         default bench/target/cluster-run
              --output=PATH           default docs/benchmarks.md (the run is inserted below its own marker)
            """;
    private static final List<Operation> OPERATIONS = List.of(Operation.GET_PRODUCT, Operation.POST_MOVEMENT);
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    record Settings(List<Integer> servers, long products, int clients, int warmupSeconds, int measureSeconds,
                    int repeats, boolean pgbench, Path serverJar, Path workDirectory, Path output) {

        static Settings parse(List<String> args, Path root) {
            Settings settings = new Settings(List.of(1, 2, 3), 10_000, 32, 10, 15, 2, true,
                    root.resolve("appserver/target/stockroom-appserver.jar"), root.resolve("bench/target/cluster-run"),
                    root.resolve("docs/benchmarks.md"));
            for (String arg : args) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
                settings = switch (name) {
                    case "--cluster" -> settings;
                    case "--servers" -> settings.with(servers(value), null, null, null, null, null, null);
                    case "--products" -> settings.with(null, (long) positive(name, value), null, null, null, null, null);
                    case "--clients" -> settings.with(null, null, positive(name, value), null, null, null, null);
                    case "--warmup" -> settings.with(null, null, null, positive(name, value), null, null, null);
                    case "--measure" -> settings.with(null, null, null, null, positive(name, value), null, null);
                    case "--repeats" -> settings.with(null, null, null, null, null, positive(name, value), null);
                    case "--no-pgbench" -> settings.with(null, null, null, null, null, null, false);
                    case "--server-jar" -> new Settings(settings.servers, settings.products, settings.clients, settings.warmupSeconds,
                            settings.measureSeconds, settings.repeats, settings.pgbench, Path.of(value).toAbsolutePath(),
                            settings.workDirectory, settings.output);
                    case "--work-dir" -> new Settings(settings.servers, settings.products, settings.clients, settings.warmupSeconds,
                            settings.measureSeconds, settings.repeats, settings.pgbench, settings.serverJar,
                            Path.of(value).toAbsolutePath(), settings.output);
                    case "--output" -> new Settings(settings.servers, settings.products, settings.clients, settings.warmupSeconds,
                            settings.measureSeconds, settings.repeats, settings.pgbench, settings.serverJar,
                            settings.workDirectory, Path.of(value).toAbsolutePath());
                    default -> throw new IllegalArgumentException("unknown option " + arg + " (see --cluster --help)");
                };
            }
            return settings;
        }

        private Settings with(List<Integer> servers, Long products, Integer clients, Integer warmup, Integer measure,
                              Integer repeats, Boolean pgbench) {
            return new Settings(servers != null ? servers : this.servers, products != null ? products : this.products,
                    clients != null ? clients : this.clients, warmup != null ? warmup : this.warmupSeconds,
                    measure != null ? measure : this.measureSeconds, repeats != null ? repeats : this.repeats,
                    pgbench != null ? pgbench : this.pgbench, serverJar, workDirectory, output);
        }

        private static List<Integer> servers(String value) {
            List<Integer> servers = new ArrayList<>();
            for (String each : value.split(",")) {
                int count = positive("--servers", each.strip());
                if (count > ClusterProcess.MAX_SERVERS) {
                    throw new IllegalArgumentException("--servers: at most " + ClusterProcess.MAX_SERVERS + " app servers");
                }
                servers.add(count);
            }
            return List.copyOf(servers);
        }

        private static int positive(String name, String value) {
            try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a whole number above 0, not '" + value + "'");
        }
    }

    /** The measured steps of one cluster size: each operation's repetitions. */
    record ClusterRun(int servers, Map<Operation, List<Stats>> runs, Duration start) {
    }

    private final Settings settings;
    private final PrintStream progress;

    ClusterBenchmark(Settings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    static void main(List<String> args, Path root) throws Exception {
        if (args.contains("--help") || args.contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        Settings settings;
        try {
            settings = Settings.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println("stockroom-bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        String markdown = new ClusterBenchmark(settings, System.out).run();
        System.out.println();
        System.out.println(markdown);
        System.out.println("Written to " + settings.output());
    }

    String run() throws Exception {
        Instant started = Instant.now();
        if (!Files.isRegularFile(settings.serverJar())) {
            throw new IOException("no app server jar at " + settings.serverJar() + "; build it first (./mvnw -DskipTests install)");
        }
        Machine machine = Machine.current();
        say("Machine: " + machine.describe() + "; " + machine.jdk());
        Optional<WrkLoad.Installed> wrk = WrkLoad.find();
        say("Load generator: " + wrk.map(WrkLoad.Installed::version).orElse(HttpLoad.DESCRIPTION));
        Optional<PgBench> pgbench = settings.pgbench()
                ? PgBench.find(settings.workDirectory().resolve("pgbench"), 80) : Optional.empty();
        List<ClusterRun> runs = new ArrayList<>();
        Map<Operation, Stats> ceiling = new LinkedHashMap<>();
        for (int servers : settings.servers()) {
            Path work = settings.workDirectory().resolve(servers + "-servers");
            Benchmark.deleteRecursively(work);
            String adminPassword = "bench-" + HexFormat.of().formatHex(java.security.SecureRandom.getSeed(12));
            long startNanos = System.nanoTime();
            try (ClusterProcess cluster = ClusterProcess.start(settings.serverJar(), servers, work, Map.of(
                    "STOCKROOM_ADMIN_PASSWORD", adminPassword,
                    "STOCKROOM_DEMO_DATA", "false",
                    "STOCKROOM_RATE_LIMIT_PER_USER", "0",
                    "STOCKROOM_RATE_LIMIT_PER_ADDRESS", "0"), Duration.ofMinutes(3))) {
                Duration start = Duration.ofNanos(System.nanoTime() - startNanos);
                say(servers + " app server(s) behind HAProxy ready in " + Report.seconds(start));
                new Seeder(cluster.jdbcUrl()).seedUpTo(settings.products());
                URI api = cluster.uri().resolve("/api/v1/");
                String token = logIn(api, adminPassword);
                LoadGenerator load = wrk.isPresent()
                        ? wrk.get().load(work.resolve("wrk"), api, token, settings.products(), Seeder.LOCATIONS)
                        : new HttpLoad(api, token, settings.products(), Seeder.LOCATIONS);
                for (Operation operation : OPERATIONS) {
                    Stats warm = load.run(operation, settings.clients(), Duration.ofSeconds(settings.warmupSeconds()));
                    say("  warm-up %s: %s req/s, %d errors".formatted(operation.title(), Report.number(warm.perSecond(), 0), warm.errors()));
                }
                Map<Operation, List<Stats>> measured = new LinkedHashMap<>();
                for (int repetition = 1; repetition <= settings.repeats(); repetition++) {
                    for (Operation operation : OPERATIONS) {
                        Stats stats = load.run(operation, settings.clients(), Duration.ofSeconds(settings.measureSeconds()));
                        measured.computeIfAbsent(operation, each -> new ArrayList<>()).add(stats);
                        say("  %d server(s), %s, %d clients, run %d: %s req/s p50 %s p99 %s ms, %d errors".formatted(servers,
                                operation.title(), settings.clients(), repetition, Report.number(stats.perSecond(), 0),
                                Report.number(stats.p50Millis(), 2), Report.number(stats.p99Millis(), 2), stats.errors()));
                        Thread.sleep(1000);  // the servers finish the step's last requests
                    }
                }
                runs.add(new ClusterRun(servers, measured, start));
                if (pgbench.isPresent() && servers == settings.servers().getLast()) {
                    int port = cluster.databasePort();
                    for (Operation operation : OPERATIONS) {
                        Stats pg = pgbench.get().run(operation, settings.clients(), Duration.ofSeconds(settings.measureSeconds()),
                                port, sha256(token), settings.products(), Seeder.LOCATIONS);
                        ceiling.put(operation, pg);
                        say("  pgbench %s, %d clients: %s tps p50 %s p99 %s ms".formatted(operation.title(),
                                pgbench.get().clientsFor(settings.clients()), Report.number(pg.perSecond(), 0),
                                Report.number(pg.p50Millis(), 2), Report.number(pg.p99Millis(), 2)));
                    }
                }
            }
        }
        String markdown = markdown(started, machine, wrk.map(WrkLoad.Installed::version).orElse(HttpLoad.DESCRIPTION),
                runs, ceiling);
        Report.insert(settings.output(), MARKER, markdown);
        Files.writeString(settings.workDirectory().resolve("results.md"), markdown, StandardCharsets.UTF_8);
        return markdown;
    }

    private String markdown(Instant started, Machine machine, String loadGenerator, List<ClusterRun> runs,
                            Map<Operation, Stats> ceiling) {
        StringBuilder text = new StringBuilder();
        text.append("#### Cluster run of ").append(started.toString().substring(0, 16).replace('T', ' ')).append(" UTC\n\n");
        text.append("Machine: ").append(machine.describe()).append("; ").append(machine.jdk()).append(". Load: ")
                .append(loadGenerator).append(", ").append(settings.clients()).append(" clients through HAProxy, ")
                .append(settings.measureSeconds()).append(" s per step, median of ").append(settings.repeats())
                .append("; ").append(Report.count(settings.products())).append(" products; each cluster on a fresh embedded PostgreSQL.\n\n");
        text.append("| app servers | get one product req/s | p50 / p99 ms | vs 1 server | post one movement req/s | p50 / p99 ms | vs 1 server | start |\n");
        text.append("|---|---|---|---|---|---|---|---|\n");
        Map<Operation, Double> single = new LinkedHashMap<>();
        for (ClusterRun run : runs) {
            text.append("| ").append(run.servers());
            for (Operation operation : OPERATIONS) {
                Stats median = median(run.runs().get(operation));
                single.putIfAbsent(operation, median.perSecond());
                text.append(" | ").append(Report.number(median.perSecond(), 0))
                        .append(median.errors() > 0 ? " (" + median.errors() + " errors)" : "")
                        .append(" | ").append(Report.number(median.p50Millis(), 1)).append(" / ")
                        .append(Report.number(median.p99Millis(), 1))
                        .append(" | ").append(Report.number(median.perSecond() / single.get(operation), 2)).append("x");
            }
            text.append(" | ").append(Report.seconds(run.start())).append(" |\n");
        }
        if (!ceiling.isEmpty()) {
            Stats product = ceiling.get(Operation.GET_PRODUCT);
            Stats movement = ceiling.get(Operation.POST_MOVEMENT);
            text.append("| pgbench, the same SQL (the database's ceiling) | ").append(Report.number(product.perSecond(), 0))
                    .append(" tps | ").append(Report.number(product.p50Millis(), 1)).append(" / ")
                    .append(Report.number(product.p99Millis(), 1)).append(" | | ").append(Report.number(movement.perSecond(), 0))
                    .append(" tps | ").append(Report.number(movement.p50Millis(), 1)).append(" / ")
                    .append(Report.number(movement.p99Millis(), 1)).append(" | | |\n");
        }
        return text.toString();
    }

    private static Stats median(List<Stats> runs) {
        List<Stats> sorted = runs.stream().sorted(java.util.Comparator.comparingDouble(Stats::perSecond)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String logIn(URI api, String adminPassword) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve("auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + AppServer.ADMIN + "\",\"password\":\"" + adminPassword + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IOException("log-in through the load balancer failed: " + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void say(String line) {
        Progress.say(progress, line);
    }
}
