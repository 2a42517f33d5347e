package org.stockroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a run as Markdown (inserted into docs/benchmarks.md, newest first) and as raw CSV and JSON. */
final class Report {

    /** The line after which runs are inserted, newest first. */
    static final String MARKER = "<!-- bench results: bin/stockroom-bench inserts each new run below this line, newest first -->";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Report() {
    }

    static String markdown(RunResult run) {
        StringBuilder md = new StringBuilder();
        Options options = run.options();
        List<String> tuning = AppServer.tuningSettings();
        md.append("### Run of ").append(WHEN.format(run.started()));
        if (!options.title().isBlank()) {
            md.append(": ").append(options.title());
        }
        md.append("\n\n");
        md.append("- Machine: ").append(run.machine().describe()).append('\n');
        md.append("- Software: ").append(run.machine().jdk()).append(" (server and harness); PostgreSQL ")
                .append(run.postgresVersion()).append(" (embedded)").append("; ")
                .append(run.pgbenchVersion() != null ? run.pgbenchVersion()
                        : options.pgbench() ? "pgbench not installed: no pgbench column" : "pgbench not run (--no-pgbench)")
                .append('\n');
        md.append("- Commit: ").append(run.commit()).append('\n');
        md.append("- Settings: JIT warm-up ").append(options.jitWarmupSeconds()).append(" s over all operations before the first size; ").append(options.sizes().stream().map(Report::count).collect(Collectors.joining(" and ")))
                .append(" products (").append(Seeder.LOCATIONS).append(" locations, 2 stock levels and 3 ledger rows per product);")
                .append(" clients ").append(options.clients().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .append("; warm-up ").append(options.warmupSeconds()).append(" s per operation and size, then ")
                .append(options.measureSeconds()).append(" s per step; ").append(options.repeats())
                .append(options.repeats() == 1 ? " repetition" : " repetitions, median quoted (errors summed)")
                .append("; rate limits off, log level INFO, ")
                .append(tuning.isEmpty() ? "server defaults (DB pool 10, session cache 5 s)"
                        : "server environment " + String.join(", ", tuning))
                .append("; load generator: ")
                .append(run.loadGenerator()).append('\n');
        md.append("- Server started as `java ").append(run.serverJvmOptions()).append(" -jar stockroom-appserver.jar`\n");
        md.append("- Cold start, process start to the first 200 on an authenticated GET with a token issued before the restart: **")
                .append(seconds(run.medianColdStart())).append("**; to the first 200 on /health/ready: **")
                .append(seconds(run.medianReady())).append("**");
        if (!run.coldStarts().isEmpty()) {
            md.append(" (median of ").append(run.coldStarts().size()).append(" restarts on existing data, authenticated/ready: ")
                    .append(run.coldStarts().stream().map(Report::start).collect(Collectors.joining(", "))).append(')');
        }
        md.append("; the very first start on an empty data directory (initdb, migrations, then a log-in): ")
                .append(start(run.firstStart())).append('\n');
        md.append("- Server RSS: idle after start **").append(mib(run.idleRss())).append("**");
        run.rssAfterLoad().forEach((size, rss) -> md.append("; after the load at ").append(count(size)).append(" products ").append(mib(rss)));
        md.append("; peak ").append(mib(run.peakRss())).append('\n');
        md.append("- Seeding: ");
        md.append(run.seedTimes().entrySet().stream().map(e -> "up to " + count(e.getKey()) + " products in " + seconds(e.getValue()))
                .collect(Collectors.joining(", "))).append('\n');
        md.append("- The whole run took ").append(minutes(run.took())).append("\n\n");

        for (long size : options.sizes()) {
            md.append("#### ").append(count(size)).append(" products\n\n");
            md.append("| operation | clients | req/s | p50 ms | p99 ms | errors | CPU % server/PG/load | pgbench tps | pgbench p50 ms | pgbench p99 ms | CPU % PG/pgbench | server / pgbench |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (RunResult.Step step : run.steps()) {
                if (step.products() != size) {
                    continue;
                }
                Stats server = step.serverMedian();
                Stats pgbench = step.pgbenchMedian();
                md.append("| ").append(step.operation().title()).append(" | ").append(step.clients())
                        .append(" | ").append(number(server.perSecond(), 0))
                        .append(" | ").append(number(server.p50Millis(), 2))
                        .append(" | ").append(number(server.p99Millis(), 2))
                        .append(" | ").append(server.errors())
                        .append(" | ").append(serverCpu(server.cpu()));
                if (step.pgbench().isEmpty()) {
                    md.append(" | – | – | – | – | – |\n");
                } else {
                    md.append(" | ").append(number(pgbench.perSecond(), 0))
                            .append(step.pgbenchClients() != step.clients() ? " (" + step.pgbenchClients() + " conn.)" : "")
                            .append(pgbench.errors() > 0 ? " (" + pgbench.errors() + " failed)" : "")
                            .append(" | ").append(number(pgbench.p50Millis(), 2))
                            .append(" | ").append(number(pgbench.p99Millis(), 2))
                            .append(" | ").append(pgbenchCpu(pgbench.cpu()))
                            .append(" | ").append(percent(step.ratio())).append(" |\n");
                }
            }
            md.append('\n');
        }
        md.append(targets(run));
        if (run.jfrSummary() != null) {
            md.append("\nJFR of the server, extra unmeasured steps at ").append(count(options.sizes().getLast()))
                    .append(" products:\n\n```text\n")
                    .append(run.jfrSummary().strip()).append("\n```\n");
        }
        return md.toString();
    }

    /** The targets, each with the figure that decides it. */
    static String targets(RunResult run) {
        StringBuilder md = new StringBuilder("#### Targets\n\n| target | measured | met |\n|---|---|---|\n");
        List<Long> sizes = run.options().sizes();
        for (long size : sizes) {
            throughputTarget(md, run, size, Operation.GET_PRODUCT, 0.50);
            throughputTarget(md, run, size, Operation.POST_MOVEMENT, 0.60);
        }
        for (long size : sizes) {
            double worst = 0;
            String which = "";
            for (RunResult.Step step : run.steps()) {
                if (step.products() == size && step.clients() == 32 && step.serverMedian().p99Millis() > worst) {
                    worst = step.serverMedian().p99Millis();
                    which = step.operation().title();
                }
            }
            if (!which.isEmpty()) {
                md.append("| p99 < 25 ms at 32 clients, every operation (").append(count(size)).append(" products) | worst: ")
                        .append(which).append(", ").append(number(worst, 1)).append(" ms | ").append(met(worst < 25)).append(" |\n");
            }
        }
        Map<Long, Stats> pageAtOne = new java.util.TreeMap<>();
        for (RunResult.Step step : run.steps()) {
            if (step.operation() == Operation.PRODUCT_PAGE && step.clients() == run.options().clients().getFirst()) {
                pageAtOne.put(step.products(), step.serverMedian());
            }
        }
        pageAtOne.forEach((size, stats) -> md.append("| keyset page of 100 answers in < 20 ms (p99, ")
                .append(clients(run.options().clients().getFirst())).append(", ").append(count(size)).append(" products) | ")
                .append(number(stats.p99Millis(), 1)).append(" ms | ").append(met(stats.p99Millis() < 20)).append(" |\n"));
        if (pageAtOne.size() >= 2) {
            Stats small = pageAtOne.values().iterator().next();
            Stats large = ((java.util.TreeMap<Long, Stats>) pageAtOne).lastEntry().getValue();
            double growth = large.p50Millis() / small.p50Millis();
            md.append("| keyset page p50 at ").append(count(sizes.getLast())).append(" within 1.5x of ").append(count(sizes.getFirst()))
                    .append(" | ").append(number(large.p50Millis(), 2)).append(" / ").append(number(small.p50Millis(), 2))
                    .append(" ms = ").append(number(growth, 2)).append("x | ").append(met(growth <= 1.5)).append(" |\n");
        }
        md.append("| cold start to first 200 < 3 s (authenticated GET, token from before the restart) | ").append(seconds(run.medianColdStart())).append(" | ")
                .append(met(run.medianColdStart().toMillis() < 3000)).append(" |\n");
        md.append("| idle RSS < 300 MB | ").append(mib(run.idleRss())).append(" | ")
                .append(met(run.idleRss() > 0 && run.idleRss() < 300L * 1000 * 1000)).append(" |\n");
        return md.toString();
    }

    /** Peak server throughput (best concurrency) against peak pgbench throughput, at one size. */
    private static void throughputTarget(StringBuilder md, RunResult run, long size, Operation operation, double target) {
        RunResult.Step bestServer = null;
        RunResult.Step bestPgbench = null;
        for (RunResult.Step step : run.steps()) {
            if (step.products() != size || step.operation() != operation) {
                continue;
            }
            if (bestServer == null || step.serverMedian().perSecond() > bestServer.serverMedian().perSecond()) {
                bestServer = step;
            }
            if (!step.pgbench().isEmpty() && (bestPgbench == null
                    || step.pgbenchMedian().perSecond() > bestPgbench.pgbenchMedian().perSecond())) {
                bestPgbench = step;
            }
        }
        if (bestServer == null || bestPgbench == null) {
            return;
        }
        double ratio = bestServer.serverMedian().perSecond() / bestPgbench.pgbenchMedian().perSecond();
        md.append("| ").append(operation.title()).append(" >= ").append(percent(target)).append(" of pgbench (peak vs peak, ")
                .append(count(size)).append(" products) | ").append(number(bestServer.serverMedian().perSecond(), 0))
                .append(" req/s (").append(bestServer.clients()).append(" clients) / ")
                .append(number(bestPgbench.pgbenchMedian().perSecond(), 0)).append(" tps (")
                .append(bestPgbench.clients()).append(" clients) = ").append(percent(ratio)).append(" | ")
                .append(met(ratio >= target)).append(" |\n");
    }

    /** Inserts the run below the marker of {@code file} (creating the file if need be), above the older runs. */
    static void insert(Path file, String markdown) throws IOException {
        insert(file, MARKER, markdown);
    }

    /** Inserts the run right below the marker line (newest first), adding the marker at the end if missing. */
    static void insert(Path file, String marker, String markdown) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n## Results\n\n";
        if (!text.contains(marker)) {
            text = text.stripTrailing() + "\n\n" + marker + "\n";
        }
        int at = text.indexOf(marker) + marker.length();
        String updated = text.substring(0, at) + "\n\n" + markdown.strip() + "\n" + text.substring(at);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }

    static String csv(RunResult run) {
        StringBuilder csv = new StringBuilder("products,operation,clients,side,repetition,requests,errors,per_second,p50_ms,p99_ms,"
                + "cpu_server_pct,cpu_postgres_pct,cpu_loadgen_pct,cpu_pgbench_pct,cpu_machine_pct\n");
        for (RunResult.Step step : run.steps()) {
            appendCsv(csv, step, "server", step.clients(), step.server());
            appendCsv(csv, step, "pgbench", step.pgbenchClients(), step.pgbench());
        }
        return csv.toString();
    }

    private static void appendCsv(StringBuilder csv, RunResult.Step step, String side, int clients, List<Stats> runs) {
        for (int i = 0; i < runs.size(); i++) {
            Stats s = runs.get(i);
            csv.append(String.format(Locale.ROOT, "%d,%s,%d,%s,%d,%d,%d,%.2f,%.3f,%.3f,%.1f,%.1f,%.1f,%.1f,%.1f%n", step.products(),
                    step.operation().name(), clients, side, i + 1, s.requests(), s.errors(), s.perSecond(),
                    s.p50Millis(), s.p99Millis(), s.cpu().server(), s.cpu().postgres(), s.cpu().loadGenerator(),
                    s.cpu().pgbench(), s.cpu().machine()));
        }
    }

    static String json(RunResult run) {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"started\": \"").append(run.started()).append("\",\n");
        json.append("  \"tookSeconds\": ").append(run.took().toSeconds()).append(",\n");
        json.append("  \"machine\": \"").append(escape(run.machine().describe())).append("\",\n");
        json.append("  \"jdk\": \"").append(escape(run.machine().jdk())).append("\",\n");
        json.append("  \"postgres\": \"").append(escape(run.postgresVersion())).append("\",\n");
        json.append("  \"loadGenerator\": \"").append(escape(run.loadGenerator())).append("\",\n");
        json.append("  \"pgbench\": ").append(run.pgbenchVersion() == null ? "null" : "\"" + escape(run.pgbenchVersion()) + "\"").append(",\n");
        json.append("  \"commit\": \"").append(escape(run.commit())).append("\",\n");
        json.append("  \"serverJvmOptions\": \"").append(escape(run.serverJvmOptions())).append("\",\n");
        json.append("  \"firstStartMillis\": ").append(run.firstStart().authenticated().toMillis()).append(",\n");
        json.append("  \"coldStartMillis\": [").append(run.coldStarts().stream().map(d -> Long.toString(d.authenticated().toMillis()))
                .collect(Collectors.joining(", "))).append("],\n");
        json.append("  \"coldStartReadyMillis\": [").append(run.coldStarts().stream().map(d -> Long.toString(d.ready().toMillis()))
                .collect(Collectors.joining(", "))).append("],\n");
        json.append("  \"idleRssBytes\": ").append(run.idleRss()).append(",\n");
        json.append("  \"peakRssBytes\": ").append(run.peakRss()).append(",\n");
        json.append("  \"rssAfterLoadBytes\": {").append(run.rssAfterLoad().entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": " + e.getValue()).collect(Collectors.joining(", "))).append("},\n");
        json.append("  \"steps\": [\n");
        json.append(run.steps().stream().map(step -> "    {\"products\": " + step.products() + ", \"operation\": \""
                + step.operation().name() + "\", \"clients\": " + step.clients() + ", \"pgbenchClients\": " + step.pgbenchClients()
                + ", \"server\": " + statsJson(step.server()) + ", \"pgbench\": " + statsJson(step.pgbench()) + "}")
                .collect(Collectors.joining(",\n")));
        json.append("\n  ]\n}\n");
        return json.toString();
    }

    private static String statsJson(List<Stats> runs) {
        return runs.stream().map(s -> String.format(Locale.ROOT,
                        "{\"requests\": %d, \"errors\": %d, \"perSecond\": %s, \"p50Ms\": %s, \"p99Ms\": %s, "
                                + "\"cpuPercent\": {\"server\": %s, \"postgres\": %s, \"loadGenerator\": %s, \"pgbench\": %s, \"machine\": %s}}",
                        s.requests(), s.errors(), jsonNumber(s.perSecond()), jsonNumber(s.p50Millis()), jsonNumber(s.p99Millis()),
                        jsonNumber(s.cpu().server()), jsonNumber(s.cpu().postgres()), jsonNumber(s.cpu().loadGenerator()),
                        jsonNumber(s.cpu().pgbench()), jsonNumber(s.cpu().machine())))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String jsonNumber(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Server JVM / PostgreSQL / load generator, in percent of the whole machine. */
    static String serverCpu(CpuMeter.Share cpu) {
        return number(cpu.server(), 0) + "/" + number(cpu.postgres(), 0) + "/" + number(cpu.loadGenerator(), 0);
    }

    /** PostgreSQL / pgbench, in percent of the whole machine. */
    static String pgbenchCpu(CpuMeter.Share cpu) {
        return number(cpu.postgres(), 0) + "/" + number(cpu.pgbench(), 0);
    }

    /** "1 client", "8 clients". */
    static String clients(int n) {
        return n + (n == 1 ? " client" : " clients");
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String number(double value, int decimals) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    static String percent(double ratio) {
        return Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * ratio);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }

    /** "3.10 s (ready 2.60 s)": to the authenticated 200, and to the ready one. */
    static String start(AppServer.Start start) {
        return seconds(start.authenticated()) + " (ready " + seconds(start.ready()) + ")";
    }

    static String minutes(Duration duration) {
        return "%d min %02d s".formatted(duration.toMinutes(), duration.toSecondsPart());
    }

    static String mib(long bytes) {
        return bytes < 0 ? "–" : String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }
}
