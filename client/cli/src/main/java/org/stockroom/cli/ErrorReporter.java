package org.stockroom.cli;

import org.stockroom.client.FieldError;
import org.stockroom.client.Imports;
import org.stockroom.client.RowError;
import org.stockroom.client.NotAuthenticatedException;
import org.stockroom.client.ProblemException;
import org.stockroom.client.ServerUnreachableException;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.StockroomClientException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;
import java.io.UncheckedIOException;

/**
 * Turns every failure into a few plain lines on the error stream and an exit code;
 * never a stack trace.
 */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    public static final String SESSION_ENDED =
            "error: your session has expired or was revoked; run 'stockroom login' to log in again";
    public static final String NOT_LOGGED_IN = "error: not logged in; run 'stockroom login' first";

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        return report(failure, commandLine.getErr());
    }

    /** Prints what went wrong and returns the exit code for it. */
    static int report(Exception failure, PrintWriter err) {
        if (failure instanceof ProblemException problem && isUnavailable(problem.status())) {
            err.println("error: the server is unavailable (" + problem.status() + "): " + problem.problem().message());
            return ExitCode.UNAVAILABLE;
        }
        if (failure instanceof ProblemException problem
                && StockroomClient.IDEMPOTENCY_KEY_IN_FLIGHT.equals(problem.type())) {
            err.println("error: the server is still working on this command's first attempt, which may yet be"
                    + " applied; check before running it again (" + problem.problem().message() + ")");
            return ExitCode.UNAVAILABLE;
        }
        if (failure instanceof NotAuthenticatedException notAuthenticated) {
            // The server's detail speaks of HTTP headers; a person needs to know what to type.
            err.println(notAuthenticated.tokenSent() ? SESSION_ENDED : NOT_LOGGED_IN);
            return ExitCode.REFUSED;
        }
        if (failure instanceof ProblemException problem) {
            err.println("error: " + problem.problem().message());
            for (FieldError error : problem.problem().errorsBeyondMessage()) {
                if (error.pointer() != null || error.message() != null) {
                    err.println("  " + field(error.pointer()) + ": " + error.message());
                }
            }
            List<RowError> rows = Imports.rowErrors(problem);
            // One bad row is the server's message already ("Line 2: ..."): not said twice.
            if (!(rows.size() == 1 && Imports.errorCount(problem) == 1
                    && problem.problem().messageSays(rows.getFirst().reason()))) {
                for (RowError row : rows) {
                    err.println("  line " + row.line() + (row.column() == null ? "" : ", " + row.column()) + ": "
                            + row.reason());
                }
            }
            long more = Imports.errorCount(problem) - rows.size();
            if (!rows.isEmpty() && more > 0) {
                err.println("  ... and " + more + " more");
            }
            return ExitCode.REFUSED;
        }
        if (failure instanceof java.util.concurrent.CancellationException) {
            err.println("error: cancelled");
            return ExitCode.REFUSED;
        }
        if (failure instanceof ServerUnreachableException unreachable) {
            err.println("error: " + unreachable.getMessage());
            return ExitCode.UNREACHABLE;
        }
        if (failure instanceof StockroomClientException other) {
            err.println("error: " + other.getMessage());
            return ExitCode.REFUSED;
        }
        if (failure instanceof UncheckedIOException || failure instanceof Prompter.NoAnswerException) {
            err.println("error: " + failure.getMessage());  // the session file, or standard input
            return ExitCode.REFUSED;
        }
        err.println("error: unexpected " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
        return ExitCode.REFUSED;
    }

    /** The server (or a proxy before it) could not do it for now, rather than refused it. */
    static boolean isUnavailable(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    /** "/quantity" becomes "quantity", "/lines/0/sku" becomes "lines.0.sku". */
    static String field(String pointer) {
        if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
            return "request";
        }
        return (pointer.startsWith("/") ? pointer.substring(1) : pointer).replace('/', '.');
    }

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine commandLine = failure.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("error: " + failure.getMessage());
        UnmatchedArgumentException.printSuggestions(failure, err);
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCode.USAGE;
    }
}
