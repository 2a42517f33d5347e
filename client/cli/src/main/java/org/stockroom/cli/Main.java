package org.stockroom.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/** Entry point of the {@code stockroom} command line client. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, System.out.charset());
        PrintWriter err = new PrintWriter(System.err, true, System.err.charset());
        int exitCode = run(args, out, err, System.getenv(), ZoneId.systemDefault());
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /** Runs one command line and returns its exit code (see {@link ExitCode}); never exits the JVM. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv(), ZoneId.systemDefault());
    }

    /**
     * As {@link #run(String[], PrintWriter, PrintWriter)}, with the environment variables to
     * consult and the time zone to show times in.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment,
                          ZoneId zone) {
        return run(args, out, err, environment, zone, Prompter.system(err));
    }

    /**
     * As {@link #run(String[], PrintWriter, PrintWriter, Map, ZoneId)}, with where to ask for user
     * names and passwords (a test gives the lines a user would type or pipe in).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment,
                          ZoneId zone, Prompter prompter) {
        StockroomCommand stockroom = new StockroomCommand(out, err, environment, zone, prompter);
        try {
            return commandLine(stockroom, out, err, zone).execute(args);
        } finally {
            stockroom.close();
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(StockroomCommand stockroom, PrintWriter out, PrintWriter err, ZoneId zone) {
        ErrorReporter errors = new ErrorReporter();
        return new CommandLine(stockroom)
                .registerConverter(Instant.class, new InstantConverter(zone))
                .registerConverter(BigDecimal.class, new QuantityConverter())
                .registerConverter(LocalDate.class, new DateConverter())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }
}
