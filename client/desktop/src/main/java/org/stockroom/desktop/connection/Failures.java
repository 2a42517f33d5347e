package org.stockroom.desktop.connection;

import org.stockroom.client.FieldError;
import org.stockroom.client.ProblemException;
import org.stockroom.client.ServerUnreachableException;
import org.stockroom.client.StockroomClientException;

import java.util.List;
import java.util.stream.Collectors;

/** What to tell a person about a failed call: the server's own words where it gave some. */
public final class Failures {

    private Failures() {
    }

    public static String describe(Exception failure) {
        if (failure instanceof ProblemException problem) {
            String message = problem.problem().message();
            List<FieldError> errors = problem.problem().errorsBeyondMessage();
            if (errors.stream().anyMatch(error -> error.message() != null)) {
                message += "\n" + errors.stream().filter(error -> error.message() != null)
                        .map(Failures::describe)
                        .collect(Collectors.joining("\n"));
            }
            if (problem.status() == 401) {
                return "Your session has expired or was revoked. Log in again.\n(" + message + ")";
            }
            return message;
        }
        if (failure instanceof ServerUnreachableException unreachable) {
            return "Cannot reach the Stockroom server at " + unreachable.server() + " (" + unreachable.reason() + ").";
        }
        if (failure instanceof StockroomClientException || failure instanceof IllegalArgumentException) {
            return failure.getMessage();  // already a sentence for people, e.g. about a bad server address
        }
        return "Something went wrong: " + failure;
    }

    private static String describe(FieldError error) {
        String field = error.pointer() == null ? "" : error.pointer().replaceFirst("^/", "");
        return field.isEmpty() ? "- " + error.message() : "- " + field + ": " + error.message();
    }
}
