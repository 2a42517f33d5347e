package org.stockroom.cli.csv;

import org.stockroom.cli.ExitCode;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.client.ImportSummary;
import org.stockroom.client.Imports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code stockroom import products|locations|opening-stock FILE}: sends a CSV file, showing how much
 * has gone (a bar on a terminal, a line every 10% otherwise), and prints what the import did or,
 * refused, one error line and the bad rows.
 */
@Command(name = "import", description = {"Import products, locations or opening stock from a CSV file, all or "
        + "nothing: any bad row and nothing is imported; the bad rows are listed by line and column.",
        "The same file imported again changes nothing. The columns are in docs/api.md#csv-imports."})
public final class ImportCommand implements java.util.concurrent.Callable<Integer> {

    /** Characters of the bar between its brackets. */
    static final int BAR_WIDTH = 30;

    @ParentCommand
    StockroomCommand stockroom;

    @Parameters(index = "0", paramLabel = "KIND", description = "products, locations or opening-stock")
    String kind;

    @Parameters(index = "1", paramLabel = "FILE", description = "The CSV file (UTF-8, with a header row).")
    Path file;

    @Option(names = "--progress", paramLabel = "WHEN",
            description = "bar (on a terminal), lines (a line every 10%), none; default: bar on a terminal, else lines.")
    String progress;

    @Override
    public Integer call() throws InterruptedException {
        Imports.Kind what;
        try {
            what = Imports.Kind.of(kind);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), e.getMessage());
        }
        if (Files.isDirectory(file)) {
            stockroom.err().println("error: " + file + " is a folder; name a CSV file");
            return ExitCode.REFUSED;
        }
        if (!Files.isRegularFile(file)) {
            stockroom.err().println("error: no such file: " + file);
            return ExitCode.REFUSED;
        }
        if (!Files.isReadable(file)) {
            stockroom.err().println("error: cannot read " + file + " (no permission)");
            return ExitCode.REFUSED;
        }
        Progress shown = new Progress(stockroom.err(), style());
        ImportSummary summary;
        try {
            summary = stockroom.client().imports().start(what, file, stockroom.idempotencyKey(), shown::sent).await();
        } finally {
            shown.done();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("rows", summary.rowsRead());
        fields.put("created", summary.created());
        fields.put("updated", summary.updated());
        fields.put("unchanged", summary.unchanged());
        fields.put("batch", summary.batch());
        stockroom.output().result(summary, summary.alreadyImported()
                ? "This file was imported before (import " + summary.batch() + " by " + summary.importedBy()
                + "); nothing changed."
                : "Imported " + summary.rowsRead() + " " + what.apiName() + " rows from " + file.getFileName()
                + ": " + summary.created() + " created, " + summary.updated() + " updated, " + summary.unchanged()
                + " unchanged (import " + summary.batch() + ").");
        return ExitCode.OK;
    }

    private String style() {
        if (progress != null) {
            return switch (progress) {
                case "bar", "lines", "none" -> progress;
                default -> throw new picocli.CommandLine.ParameterException(
                        new picocli.CommandLine(this), "--progress must be bar, lines or none, not '" + progress + "'");
            };
        }
        // A console exists only when both standard input and output are a terminal.
        return System.console() != null ? "bar" : "lines";
    }

    /** The upload's progress on standard error. */
    static final class Progress {

        private final PrintWriter err;
        private final String style;
        private long lastShown = -1;
        private boolean drawn;

        Progress(PrintWriter err, String style) {
            this.err = err;
            this.style = style;
        }

        synchronized void sent(long bytes, long total) {
            long percent = total == 0 ? 100 : bytes * 100 / total;
            switch (style) {
                case "bar" -> {
                    if (percent != lastShown) {
                        int filled = (int) (percent * BAR_WIDTH / 100);
                        err.print("\r[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + percent + "% "
                                + megabytes(bytes) + " of " + megabytes(total) + " MB");
                        err.flush();
                        drawn = true;
                    }
                }
                case "lines" -> {
                    long step = percent / 10 * 10;
                    if (step != lastShown / 10 * 10 || lastShown < 0) {
                        err.println("sent " + step + "% (" + bytes + " of " + total + " bytes)");
                        err.flush();
                    }
                }
                default -> { }
            }
            lastShown = percent;
        }

        synchronized void done() {
            if (drawn) {
                err.println();
                err.flush();
            }
        }

        private static String megabytes(long bytes) {
            return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1_048_576.0);
        }
    }
}
