package org.stockroom.cli;

import org.junit.jupiter.api.Test;
import org.stockroom.client.FieldError;
import org.stockroom.client.Problem;
import org.stockroom.client.ProblemException;
import org.stockroom.client.ServerUnreachableException;
import org.stockroom.client.StockroomClientException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorReporterTest {

    private final StringWriter err = new StringWriter();

    private List<String> lines() {
        return err.toString().lines().toList();
    }

    @Test
    void aRefusalExitsWithOneAndPrintsTheDetail() {
        Problem problem = new Problem(null, "Insufficient stock", 409,
                "Insufficient stock of BOLT-1 at MAIN: 3 on hand, 7 requested", "/api/v1/movements",
                List.of(), Map.of("onHand", 3, "requested", 7));

        int exitCode = ErrorReporter.report(new ProblemException(problem), new PrintWriter(err, true));

        assertThat(exitCode).isEqualTo(ExitCode.REFUSED).isEqualTo(1);
        assertThat(lines()).containsExactly("error: Insufficient stock of BOLT-1 at MAIN: 3 on hand, 7 requested");
    }

    @Test
    void aValidationProblemAddsOneLinePerField() {
        Problem problem = new Problem(null, "Invalid request", 400, null, null,
                List.of(new FieldError("/quantity", "must be greater than 0"),
                        new FieldError("/lines/0/sku", "must not be blank")),
                Map.of());

        int exitCode = ErrorReporter.report(new ProblemException(problem), new PrintWriter(err, true));

        assertThat(exitCode).isEqualTo(1);
        assertThat(lines()).containsExactly(
                "error: Invalid request",
                "  quantity: must be greater than 0",
                "  lines.0.sku: must not be blank");
    }

    @Test
    void oneInvalidFieldThatTheDetailAlreadyNamesIsOneLine() {
        Problem problem = new Problem(null, "Invalid fields", 422, "name must not be blank", "/api/v1/products",
                List.of(new FieldError("/name", "must not be blank")), Map.of());

        int exitCode = ErrorReporter.report(new ProblemException(problem), new PrintWriter(err, true));

        assertThat(exitCode).isEqualTo(1);
        assertThat(lines()).containsExactly("error: name must not be blank");
    }

    @Test
    void oneInvalidFieldThatTheDetailIsWrittenAboutIsOneLine() {
        Problem problem = new Problem(null, "Quantity precision", 400,
                "quantity 1.5 is finer than ANCHOR-8 is counted in: whole EA", "/api/v1/movements",
                List.of(new FieldError("/quantity", "must have at most 0 decimal places for EA")), Map.of());

        ErrorReporter.report(new ProblemException(problem), new PrintWriter(err, true));

        assertThat(lines()).containsExactly("error: quantity 1.5 is finer than ANCHOR-8 is counted in: whole EA");
    }

    @Test
    void oneInvalidFieldThatTheDetailDoesNotNameIsStillListed() {
        Problem problem = new Problem(null, "Invalid fields", 422, "Invalid fields", "/api/v1/products",
                List.of(new FieldError("/name", "must not be blank")), Map.of());

        ErrorReporter.report(new ProblemException(problem), new PrintWriter(err, true));

        assertThat(lines()).containsExactly("error: Invalid fields", "  name: must not be blank");
    }

    @Test
    void oneBadRowOfAnImportIsOneLine() {
        Problem problem = new Problem("https://stockroom.dev/problems/invalid-rows", "Invalid rows", 422,
                "Line 2: is not valid UTF-8 (a CSV file is read as UTF-8); nothing was imported", "/api/v1/imports/products",
                List.of(), Map.of("errorCount", 1,
                        "rowErrors", List.of(Map.of("line", 2, "reason", "is not valid UTF-8 (a CSV file is read as UTF-8)"))));

        ErrorReporter.report(new ProblemException(problem), new PrintWriter(err, true));

        assertThat(lines()).containsExactly(
                "error: Line 2: is not valid UTF-8 (a CSV file is read as UTF-8); nothing was imported");
    }

    @Test
    void anUnavailableServerExitsWithTwoOnOneLine() {
        Problem problem = new Problem("https://stockroom.dev/problems/database-unavailable", "Database unavailable",
                503, "The database could not complete the request; try again shortly", "/api/v1/movements",
                List.of(), Map.of());

        int exitCode = ErrorReporter.report(new ProblemException(problem), new PrintWriter(err, true));

        assertThat(exitCode).isEqualTo(ExitCode.UNAVAILABLE).isEqualTo(2);
        assertThat(lines()).containsExactly("error: the server is unavailable (503): "
                + "The database could not complete the request; try again shortly");
    }

    @Test
    void aFirstAttemptStillInFlightExitsWithTwoOnOneLine() {
        Problem problem = new Problem("https://stockroom.dev/problems/idempotency-key-in-flight",
                "Idempotency key in flight", 409, "A request with this key is still being processed", null,
                List.of(), Map.of());

        int exitCode = ErrorReporter.report(new ProblemException(problem), new PrintWriter(err, true));

        assertThat(exitCode).isEqualTo(2);
        assertThat(lines()).containsExactly("error: the server is still working on this command's first attempt,"
                + " which may yet be applied; check before running it again"
                + " (A request with this key is still being processed)");
    }

    @Test
    void aGatewayWithoutDetailIsUnavailableToo() {
        Problem problem = new Problem(null, "Bad Gateway", 502, null, null, List.of(), Map.of());

        int exitCode = ErrorReporter.report(new ProblemException(problem), new PrintWriter(err, true));

        assertThat(exitCode).isEqualTo(2);
        assertThat(lines()).containsExactly("error: the server is unavailable (502): Bad Gateway");
    }

    @Test
    void anUnreachableServerExitsWithTwoOnOneLine() {
        var unreachable = new ServerUnreachableException(URI.create("http://127.0.0.1:8080"),
                "connection refused", new ConnectException());

        int exitCode = ErrorReporter.report(unreachable, new PrintWriter(err, true));

        assertThat(exitCode).isEqualTo(ExitCode.UNREACHABLE).isEqualTo(2);
        assertThat(lines()).containsExactly(
                "error: cannot reach the Stockroom server at http://127.0.0.1:8080 (connection refused)");
    }

    @Test
    void anythingElseExitsWithOneWithoutAStackTrace() {
        int garbled = ErrorReporter.report(
                new StockroomClientException("the server sent a response this client does not understand"),
                new PrintWriter(err, true));
        int bug = ErrorReporter.report(new IllegalStateException("oops"), new PrintWriter(err, true));

        assertThat(garbled).isEqualTo(1);
        assertThat(bug).isEqualTo(1);
        assertThat(lines()).containsExactly(
                "error: the server sent a response this client does not understand",
                "error: unexpected IllegalStateException: oops");
    }

    @Test
    void namesFieldsByTheirPointer() {
        assertThat(ErrorReporter.field("/quantity")).isEqualTo("quantity");
        assertThat(ErrorReporter.field("")).isEqualTo("request");
        assertThat(ErrorReporter.field(null)).isEqualTo("request");
    }
}
