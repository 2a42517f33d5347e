package org.stockroom.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/**
 * The CSV import scenario (issue 14, item 5): rows per second of {@code POST /imports/products} and
 * {@code POST /imports/opening-stock} for a file of N rows (default 1,000,000), from the first byte
 * sent to the answer (upload, checks, writes and commit), each repeated (default 3) with files of
 * new SKUs, the median quoted. The files are written to disk first, as a user's would be, and sent
 * streamed. Opening stock puts each of the run's new products at one of 100 locations (imported
 * first, not timed). Run by {@code stockroom-bench --import}; the table goes to {@code imports.md}
 * in the work directory and to the standard output.
 */
final class ImportBenchmark {

    static final String OPTION = "--import";
    static final String USAGE = """
            --import                instead of the usual run: the CSV import scenario (rows/s, median of --repeats=3)
              --import-rows=N       rows per file (default 1000000)
            """;

    static final int LOCATIONS = 100;

    private final Options options;
    private final int rows;
    private final PrintStream progress;

    private ImportBenchmark(Options options, int rows, PrintStream progress) {
        this.options = options;
        this.rows = rows;
        this.progress = progress;
    }

    static ImportBenchmark parse(String[] args, Path root, PrintStream progress) {
        int rows = 1_000_000;
        List<String> rest = new ArrayList<>(List.of("--repeats=3"));
        for (String arg : args) {
            if (arg.startsWith("--import-rows=")) {
                rows = Integer.parseInt(arg.substring("--import-rows=".length()));
            } else if (!arg.equals(OPTION)) {
                rest.add(arg);
            }
        }
        if (rows < 1) {
            throw new IllegalArgumentException("--import-rows must be at least 1");
        }
        return new ImportBenchmark(Options.parse(rest.toArray(String[]::new), root), rows, progress);
    }

    static boolean requested(String[] args) {
        return Arrays.asList(args).contains(OPTION);
    }

    /** One timed import. */
    record Run(String kind, int repetition, long rows, long bytes, Duration took) {

        double rowsPerSecond() {
            return rows / (took.toNanos() / 1e9);
        }
    }

    /** Runs the scenario; returns the table (also written to imports.md in the work directory). */
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
        List<Run> runs = new ArrayList<>();
        try (HttpClient http = HttpClient.newHttpClient()) {
            server.start(Duration.ofSeconds(120));
            Path locations = write(work.resolve("locations.csv"), "code,name", LOCATIONS, i -> "IMP-LOC-" + i + ",Bin " + i);
            send(http, server, "locations", locations);
            for (int repetition = 1; repetition <= options.repeats(); repetition++) {
                String prefix = "IMP" + repetition + "-";
                Path products = write(work.resolve("products-" + repetition + ".csv"),
                        "sku,name,description,unitOfMeasure,category,reorderPoint", rows,
                        i -> prefix + i + ",Imported product " + i + ",\"Benchmark row, number " + i + "\",EA,Bench,"
                                + (i % 50));
                runs.add(timed(http, server, "products", repetition, products));
                Path opening = write(work.resolve("opening-stock-" + repetition + ".csv"), "sku,location,quantity", rows,
                        i -> prefix + i + ",IMP-LOC-" + (i % LOCATIONS) + "," + (1 + i % 97));
                runs.add(timed(http, server, "opening-stock", repetition, opening));
                Files.delete(products);
                Files.delete(opening);
            }
        } finally {
            server.stop();
        }
        String table = markdown(started, machine, runs);
        Files.writeString(work.resolve("imports.md"), table, StandardCharsets.UTF_8);
        return table;
    }

    private Run timed(HttpClient http, AppServer server, String kind, int repetition, Path file)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        send(http, server, kind, file);
        Run run = new Run(kind, repetition, rows, Files.size(file), Duration.ofNanos(System.nanoTime() - start));
        say("  %s, run %d: %s rows in %s, %s rows/s".formatted(kind, repetition, Report.count(rows),
                Report.seconds(run.took()), Report.number(run.rowsPerSecond(), 0)));
        return run;
    }

    private static void send(HttpClient http, AppServer server, String kind, Path file)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(server.api().resolve("imports/" + kind))
                        .header("Authorization", "Bearer " + server.token())
                        .header("Content-Type", "text/csv; charset=UTF-8")
                        .timeout(Duration.ofMinutes(30))
                        .POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || !answer.body().contains("\"alreadyImported\":false")) {
            throw new IOException("the " + kind + " import answered " + answer.statusCode() + ": "
                    + answer.body().substring(0, Math.min(500, answer.body().length())));
        }
    }

    private static Path write(Path file, String header, int rows, java.util.function.IntFunction<String> row)
            throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header);
            out.write("\r\n");
            for (int i = 0; i < rows; i++) {
                out.write(row.apply(i));
                out.write("\r\n");
            }
        }
        return file;
    }

    private String markdown(Instant started, Machine machine, List<Run> runs) {
        StringBuilder md = new StringBuilder();
        md.append("### CSV imports, ").append(started.atOffset(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append(" UTC")
                .append(options.title().isEmpty() ? "" : " (" + options.title() + ")").append("\n\n");
        md.append("- Machine: ").append(machine.describe()).append("; ").append(machine.jdk()).append('\n');
        md.append("- ").append(Report.count(rows)).append(" rows per file, sent streamed from disk; timed from the first ")
                .append("byte sent to the answer (upload, row checks, set-based checks, writes, commit); ")
                .append(options.repeats()).append(" repetitions, each with new SKUs (the median quoted). Opening stock ")
                .append("puts each new product at one of ").append(LOCATIONS).append(" locations, one RECEIVE each.\n\n");
        md.append("| import | rows | MB | seconds (median) | rows/s (median) | rows/s per run |\n");
        md.append("|---|---:|---:|---:|---:|---|\n");
        for (String kind : List.of("products", "opening-stock")) {
            List<Run> ofKind = runs.stream().filter(run -> run.kind().equals(kind)).toList();
            double[] rates = ofKind.stream().mapToDouble(Run::rowsPerSecond).sorted().toArray();
            double[] seconds = ofKind.stream().mapToDouble(run -> run.took().toNanos() / 1e9).sorted().toArray();
            md.append("| %s | %s | %s | %s | %s | %s |\n".formatted(kind, Report.count(rows),
                    Report.number(ofKind.getFirst().bytes() / 1_048_576.0, 1), Report.number(median(seconds), 1),
                    Report.number(median(rates), 0),
                    String.join(", ", ofKind.stream().map(run -> Report.number(run.rowsPerSecond(), 0)).toList())));
        }
        return md.toString();
    }

    static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private void say(String line) {
        Progress.say(progress, line);
    }
}
