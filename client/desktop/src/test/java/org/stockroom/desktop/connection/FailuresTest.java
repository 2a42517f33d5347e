package org.stockroom.desktop.connection;

import org.junit.jupiter.api.Test;
import org.stockroom.client.FieldError;
import org.stockroom.client.Problem;
import org.stockroom.client.ProblemException;
import org.stockroom.client.ServerUnreachableException;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    @Test
    void aRefusalIsDescribedInTheServersWordsWithEachBadField() {
        Problem problem = new Problem("https://stockroom.dev/problems/invalid-fields", "Invalid fields", 422,
                "The request has invalid fields", "/api/v1/products",
                List.of(new FieldError("/name", "must not be blank"), new FieldError("/reorderPoint", "must be at least 0")),
                Map.of());

        assertThat(Failures.describe(new ProblemException(problem))).isEqualTo("""
                The request has invalid fields
                - name: must not be blank
                - reorderPoint: must be at least 0""");
    }

    @Test
    void oneBadFieldThatTheMessageNamesIsSaidOnce() {
        Problem problem = new Problem("https://stockroom.dev/problems/invalid-fields", "Invalid fields", 422,
                "name must not be blank", "/api/v1/products", List.of(new FieldError("/name", "must not be blank")),
                Map.of());

        assertThat(Failures.describe(new ProblemException(problem))).isEqualTo("name must not be blank");
    }

    @Test
    void oneBadFieldThatTheMessageIsWrittenAboutIsSaidOnce() {
        Problem problem = new Problem("https://stockroom.dev/problems/quantity-precision", "Quantity precision", 400,
                "quantity 1.5 is finer than BOLT-1 is counted in: whole EA", "/api/v1/movements",
                List.of(new FieldError("/quantity", "must have at most 0 decimal places for EA")), Map.of());

        assertThat(Failures.describe(new ProblemException(problem)))
                .isEqualTo("quantity 1.5 is finer than BOLT-1 is counted in: whole EA");
    }

    @Test
    void anExpiredSessionAsksToLogInAgain() {
        Problem problem = new Problem("https://stockroom.dev/problems/unauthorized", "Unauthorized", 401,
                "The bearer token is unknown, expired or revoked", null, List.of(), Map.of());

        assertThat(Failures.describe(new ProblemException(problem))).startsWith("Your session has expired or was revoked. Log in again.");
    }

    @Test
    void anUnreachableServerNamesTheServerAndTheReason() {
        ServerUnreachableException failure = new ServerUnreachableException(URI.create("http://127.0.0.1:1"),
                "connection refused", new ConnectException());

        assertThat(Failures.describe(failure)).isEqualTo("Cannot reach the Stockroom server at http://127.0.0.1:1 (connection refused).");
    }
}
