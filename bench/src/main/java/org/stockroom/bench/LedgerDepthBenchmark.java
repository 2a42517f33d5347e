package org.stockroom.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The hot-SKU ledger-depth scenario (issue 13): POST /movements on one product at one location
 * whose ledger there already holds 1,000 or 1,000,000 rows, in a ledger of 10,000,000 rows in
 * all. Before V8 the commit-time check summed the whole history of the product at the location,
 * so the deep one was slower; the target is throughput and p99 at 1M within 1.2x of 1k.
 *
 * <p>Each client alternates a receipt and an issue of 1, so the stock stays where it was. Every
 * repetition uses hot products of its own, so each step starts at its nominal depth; the steps
 * of one repetition run 1k then 1M, at each concurrency. Run by {@code stockroom-bench --ledger-depth};
 * the table goes to {@code ledger-depth.md} in the work directory and to the standard output.
 */
final class LedgerDepthBenchmark {

    static final String OPTION = "--ledger-depth";
    static final String USAGE = """
            --ledger-depth          instead of the usual run: the hot-SKU ledger-depth scenario (issue 13);
                                    defaults there: --clients=1,8 --measure=5 --repeats=3 --jit-warmup=20
              --ledger-rows=N       ledger rows in all, hot products included (default 10000000)
            """;

    private static final int[] DEPTHS = {LedgerHistorySeeder.SHALLOW, LedgerHistorySeeder.DEEP};

    private final Options options;
    private final long ledgerRows;
    private final PrintStream progress;

    private LedgerDepthBenchmark(Options options, long ledgerRows, PrintStream progress) {
        this.options = options;
        this.ledgerRows = ledgerRows;
        this.progress = progress;
    }

    /** The scenario's settings: the harness's options with this scenario's own defaults where none is given. */
    static LedgerDepthBenchmark parse(String[] args, Path root, PrintStream progress) {
        long ledgerRows = 10_000_000;
        List<String> rest = new ArrayList<>(List.of("--clients=1,8", "--measure=5", "--repeats=3", "--jit-warmup=20"));
        for (String arg : args) {
            if (arg.startsWith("--ledger-rows=")) {
                ledgerRows = Long.parseLong(arg.substring("--ledger-rows=".length()));
            } else if (!arg.equals(OPTION)) {
                rest.add(arg);  // given later, so it wins over the default above
            }
        }
        return new LedgerDepthBenchmark(Options.parse(rest.toArray(String[]::new), root), ledgerRows, progress);
    }

    /** One step: one depth at one concurrency in one repetition. */
    private record Step(int depth, int clients, int repetition, Stats stats) {
    }

    String run() throws IOException, InterruptedException, SQLException {
        Instant started = Instant.now();
        if (!Files.isRegularFile(options.serverJar())) {
            throw new IOException("no app server jar at " + options.serverJar() + "; build it first (./mvnw -DskipTests install)");
        }
        Path work = options.workDirectory();
        Benchmark.deleteRecursively(work);
        Files.createDirectories(work);
        Machine machine = Machine.current();
        say("Machine: " + machine.describe() + "; " + machine.jdk());

        AppServer server = new AppServer(options.serverJar(), options.serverJvmOptions(), options.aotCache(),
                work.resolve("data"), work.resolve("server.log"));
        try {
            server.start(Duration.ofSeconds(120));
            int repetitions = options.repeats();
            long seedStart = System.nanoTime();
            // One more shallow product than repetitions: the JIT warm-up's.
            long ledger = new LedgerHistorySeeder(server.jdbcUrl(), line -> say("  " + line))
                    .seed(repetitions + 1, repetitions, ledgerRows);
            Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);
            say("Ledger: " + Report.count(ledger) + " rows, seeded in " + Report.seconds(seeding));

            HttpLoad load = new HttpLoad(server.api(), server.token(), 1, 1);
            if (options.jitWarmupSeconds() > 0) {
                String warmSku = LedgerHistorySeeder.hotSku(LedgerHistorySeeder.SHALLOW, repetitions + 1);
                Stats warm = load.measure(receiptsAndIssues(load, warmSku), 201, 8, Duration.ofSeconds(options.jitWarmupSeconds()));
                say("JIT warm-up on %s: %s req/s, %d errors".formatted(warmSku, Report.number(warm.perSecond(), 0), warm.errors()));
                awaitIdle(server);
            }

            List<Step> steps = new ArrayList<>();
            for (int repetition = 1; repetition <= repetitions; repetition++) {
                for (int depth : DEPTHS) {
                    String sku = LedgerHistorySeeder.hotSku(depth, repetition);
                    for (int clients : options.clients()) {
                        Stats stats = load.measure(receiptsAndIssues(load, sku), 201, clients,
                                Duration.ofSeconds(options.measureSeconds()));
                        awaitIdle(server);
                        steps.add(new Step(depth, clients, repetition, stats));
                        say("  %s (%s rows at LOC-01), %d clients, run %d: %s req/s p50 %s p99 %s ms, %d errors".formatted(
                                sku, Report.count(depth), clients, repetition, Report.number(stats.perSecond(), 0),
                                Report.number(stats.p50Millis(), 2), Report.number(stats.p99Millis(), 2), stats.errors()));
                    }
                }
            }
            server.stop();

            String table = markdown(started, machine, ledger, seeding, steps);
            Files.writeString(work.resolve("ledger-depth.md"), table, StandardCharsets.UTF_8);
            return table;
        } finally {
            server.stop();
        }
    }

    /** Each client alternates a receipt and an issue of 1 at LOC-01, so the hot product's stock stays put. */
    private static Supplier<HttpRequest> receiptsAndIssues(HttpLoad load, String sku) {
        ThreadLocal<boolean[]> issueNext = ThreadLocal.withInitial(() -> new boolean[1]);
        return () -> {
            boolean[] issue = issueNext.get();
            issue[0] = !issue[0];
            return load.postMovement(!issue[0]
                    ? "{\"type\":\"ISSUE\",\"sku\":\"" + sku + "\",\"quantity\":1,\"from\":\"LOC-01\",\"reference\":\"bench\"}"
                    : "{\"type\":\"RECEIVE\",\"sku\":\"" + sku + "\",\"quantity\":1,\"to\":\"LOC-01\",\"reference\":\"bench\"}");
        };
    }

    private String markdown(Instant started, Machine machine, long ledger, Duration seeding, List<Step> steps) {
        StringBuilder md = new StringBuilder();
        md.append("### Hot SKU ledger depth, ").append(started.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" UTC").append(options.title().isEmpty() ? "" : " (" + options.title() + ")").append("\n\n");
        md.append("- Machine: ").append(machine.describe()).append("; ").append(machine.jdk()).append('\n');
        md.append("- Ledger: ").append(Report.count(ledger)).append(" rows in all (seeded in ").append(Report.seconds(seeding))
                .append("); POST /movements alternating RECEIVE 1 / ISSUE 1 of one product at LOC-01; ")
                .append(options.measureSeconds()).append(" s per step, ").append(options.repeats())
                .append(" repetitions (medians quoted), each on hot products of its own\n\n");
        md.append("| clients | rows at the location | req/s (median) | p50 ms | p99 ms (median) | errors | req/s per run |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---|\n");
        for (int clients : options.clients()) {
            for (int depth : DEPTHS) {
                List<Stats> runs = runs(steps, depth, clients);
                md.append("| %d | %s | %s | %s | %s | %d | %s |\n".formatted(clients, Report.count(depth),
                        Report.number(median(runs, Stats::perSecond), 0), Report.number(median(runs, Stats::p50Millis), 2),
                        Report.number(median(runs, Stats::p99Millis), 2), runs.stream().mapToLong(Stats::errors).sum(),
                        String.join(", ", runs.stream().map(s -> Report.number(s.perSecond(), 0)).toList())));
            }
        }
        md.append('\n');
        for (int clients : options.clients()) {
            List<Stats> shallow = runs(steps, LedgerHistorySeeder.SHALLOW, clients);
            List<Stats> deep = runs(steps, LedgerHistorySeeder.DEEP, clients);
            md.append("- %d client%s: throughput 1k/1M = %sx, p99 1M/1k = %sx\n".formatted(clients, clients == 1 ? "" : "s",
                    Report.number(median(shallow, Stats::perSecond) / median(deep, Stats::perSecond), 2),
                    Report.number(median(deep, Stats::p99Millis) / median(shallow, Stats::p99Millis), 2)));
        }
        return md.toString();
    }

    private static List<Stats> runs(List<Step> steps, int depth, int clients) {
        return steps.stream().filter(s -> s.depth() == depth && s.clients() == clients).map(Step::stats).toList();
    }

    private static double median(List<Stats> runs, ToDoubleFunction<Stats> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private void awaitIdle(AppServer server) throws IOException, InterruptedException {
        Progress.awaitIdle(server, progress);
    }

    private void say(String line) {
        Progress.say(progress, line);
    }

    static boolean requested(String[] args) {
        return Arrays.asList(args).contains(OPTION);
    }
}
