package org.stockroom.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How to run the benchmark; see {@code bin/stockroom-bench --help} and docs/benchmarks.md.
 *
 * @param sizes          product counts to seed and measure at, ascending
 * @param clients        concurrent clients per step
 * @param jitWarmupSeconds HTTP warm-up of the fresh server JVM, over all operations, before the first size is measured
 * @param warmupSeconds  HTTP warm-up per operation and size, at 32 clients (or the most asked for, if fewer)
 * @param measureSeconds each measured step (HTTP and pgbench alike)
 * @param repeats        how often each step is measured; the median is quoted
 * @param restarts       cold starts measured by restarting the server on its data (0: only the first start)
 * @param pgbench        run pgbench where it is installed
 * @param jfr            record the server under the post-movement load (an extra step) and report its hot spots
 * @param serverJar      the app server's jar
 * @param workDirectory  data directory, logs and raw results
 * @param output         the Markdown file the run is inserted into (newest first)
 * @param title          the heading's note, e.g. "first measurement, before any optimisation"
 * @param load           the HTTP load generator: wrk, the Java one, or wrk where it is installed
 * @param serverJvmOptions extra JVM options for the server, after its stockroom.jvm (for A/B runs)
 * @param aotCache       start the server with its AOT cache (as bin/stockroom-server does), when there is one
 */
record Options(List<Long> sizes, List<Integer> clients, int jitWarmupSeconds, int warmupSeconds, int measureSeconds, int repeats,
               int restarts, boolean pgbench, boolean jfr, Path serverJar, Path workDirectory, Path output,
               String title, Load load, List<String> serverJvmOptions, boolean aotCache) {

    /** Which HTTP load generator drives the steps. */
    enum Load { AUTO, WRK, JAVA }

    static final String USAGE = """
            Usage: stockroom-bench [options]
              --smoke                 tiny settings: 100 products, 1 and 2 clients, 1 s steps, 1 repetition, no JIT warm-up
              --sizes=10000,1000000   product counts to seed and measure at
              --clients=1,8,32,128    concurrent clients per step
              --jit-warmup=30         seconds of HTTP warm-up of the fresh server, over all operations, before the first size
              --warmup=3              seconds of HTTP warm-up per operation and size
              --measure=3             seconds per measured step (HTTP and pgbench)
              --repeats=2             repetitions of each step (the median is quoted)
              --restarts=2            cold starts measured on existing data (besides the first start)
              --load=wrk|java         the HTTP load generator (default: wrk if it is installed, else java)
              --no-pgbench            skip the pgbench column
              --no-jfr                skip the JFR recording of the post-movement load
              --server-jar=PATH       default appserver/target/stockroom-appserver.jar
              --work-dir=PATH         default bench/target/bench-run (data, logs, raw results)
              --output=PATH           default docs/benchmarks.md (the run is inserted, newest first)
              --title=TEXT            a note for the run's heading
              --server-jvm-options=S  extra JVM options for the server, space-separated, after its stockroom.jvm
              --no-aot-cache          start the server without its AOT cache (appserver/target/stockroom-appserver.aot)
              --cluster               instead: 1, 2 and 3 app servers behind HAProxy (see --cluster --help)
            """;

    static Options parse(String[] args, Path root) {
        Options options = new Options(List.of(10_000L, 1_000_000L), List.of(1, 8, 32, 128), 30, 3, 3, 2, 2, true, true,
                root.resolve("appserver/target/stockroom-appserver.jar"), root.resolve("bench/target/bench-run"),
                root.resolve("docs/benchmarks.md"), "", Load.AUTO, List.of(), true);
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            options = switch (name) {
                case "--smoke" -> options.smoke();
                case "--sizes" -> options.with(longs(value), null, -1, -1, -1, -1);
                case "--clients" -> options.with(null, ints(value), -1, -1, -1, -1);
                case "--jit-warmup" -> new Options(options.sizes, options.clients, Integer.parseInt(value),
                        options.warmupSeconds, options.measureSeconds, options.repeats, options.restarts, options.pgbench,
                        options.jfr, options.serverJar, options.workDirectory, options.output, options.title, options.load, options.serverJvmOptions, options.aotCache);
                case "--warmup" -> options.with(null, null, Integer.parseInt(value), -1, -1, -1);
                case "--measure" -> options.with(null, null, -1, Integer.parseInt(value), -1, -1);
                case "--repeats" -> options.with(null, null, -1, -1, Integer.parseInt(value), -1);
                case "--restarts" -> options.with(null, null, -1, -1, -1, Integer.parseInt(value));
                case "--no-pgbench" -> new Options(options.sizes, options.clients, options.jitWarmupSeconds, options.warmupSeconds,
                        options.measureSeconds, options.repeats, options.restarts, false, options.jfr,
                        options.serverJar, options.workDirectory, options.output, options.title, options.load, options.serverJvmOptions, options.aotCache);
                case "--no-jfr" -> new Options(options.sizes, options.clients, options.jitWarmupSeconds, options.warmupSeconds,
                        options.measureSeconds, options.repeats, options.restarts, options.pgbench, false,
                        options.serverJar, options.workDirectory, options.output, options.title, options.load, options.serverJvmOptions, options.aotCache);
                case "--load" -> new Options(options.sizes, options.clients, options.jitWarmupSeconds, options.warmupSeconds,
                        options.measureSeconds, options.repeats, options.restarts, options.pgbench, options.jfr,
                        options.serverJar, options.workDirectory, options.output, options.title, switch (value) {
                            case "wrk" -> Load.WRK;
                            case "java" -> Load.JAVA;
                            default -> throw new IllegalArgumentException("--load must be wrk or java, not " + value);
                        }, options.serverJvmOptions, options.aotCache);
                case "--server-jar" -> options.paths(Path.of(value), null, null);
                case "--work-dir" -> options.paths(null, Path.of(value), null);
                case "--output" -> options.paths(null, null, Path.of(value));
                case "--title" -> new Options(options.sizes, options.clients, options.jitWarmupSeconds, options.warmupSeconds,
                        options.measureSeconds, options.repeats, options.restarts, options.pgbench, options.jfr,
                        options.serverJar, options.workDirectory, options.output, value, options.load, options.serverJvmOptions, options.aotCache);
                case "--server-jvm-options" -> new Options(options.sizes, options.clients, options.jitWarmupSeconds,
                        options.warmupSeconds, options.measureSeconds, options.repeats, options.restarts, options.pgbench,
                        options.jfr, options.serverJar, options.workDirectory, options.output, options.title, options.load,
                        Arrays.stream(value.strip().split("\\s+")).filter(o -> !o.isEmpty()).toList(), options.aotCache);
                case "--no-aot-cache" -> new Options(options.sizes, options.clients, options.jitWarmupSeconds,
                        options.warmupSeconds, options.measureSeconds, options.repeats, options.restarts, options.pgbench,
                        options.jfr, options.serverJar, options.workDirectory, options.output, options.title,
                        options.load, options.serverJvmOptions, false);
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            };
        }
        if (options.measureSeconds < 1 || options.repeats < 1 || options.sizes.isEmpty() || options.clients.isEmpty()) {
            throw new IllegalArgumentException("--measure and --repeats must be at least 1, sizes and clients not empty");
        }
        return options;
    }

    Options smoke() {
        return new Options(List.of(100L), List.of(1, 2), 0, 1, 1, 1, 0, pgbench, false, serverJar, workDirectory, output,
                "smoke run", load, serverJvmOptions, aotCache);
    }

    private Options with(List<Long> sizes, List<Integer> clients, int warmup, int measure, int repeats, int restarts) {
        return new Options(sizes != null ? sizes.stream().sorted().toList() : this.sizes,
                clients != null ? clients : this.clients, jitWarmupSeconds,
                warmup >= 0 ? warmup : warmupSeconds, measure >= 0 ? measure : measureSeconds,
                repeats >= 0 ? repeats : this.repeats, restarts >= 0 ? restarts : this.restarts,
                pgbench, jfr, serverJar, workDirectory, output, title, load, serverJvmOptions, aotCache);
    }

    Options paths(Path serverJar, Path workDirectory, Path output) {
        return new Options(sizes, clients, jitWarmupSeconds, warmupSeconds, measureSeconds, repeats, restarts, pgbench, jfr,
                serverJar != null ? serverJar.toAbsolutePath() : this.serverJar,
                workDirectory != null ? workDirectory.toAbsolutePath() : this.workDirectory,
                output != null ? output.toAbsolutePath() : this.output, title, load, serverJvmOptions, aotCache);
    }

    private static List<Long> longs(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).map(Long::parseLong).toList();
    }

    private static List<Integer> ints(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).map(Integer::parseInt).toList();
    }
}
