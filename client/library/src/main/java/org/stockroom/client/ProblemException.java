package org.stockroom.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server answered with a 4xx or 5xx status; {@link #problem()} says what it objected to.
 * The two answers about who the caller is have their own subclasses, so that a client can ask
 * its user to log in again: {@link NotAuthenticatedException} (401) and {@link NotPermittedException} (403).
 */
public sealed class ProblemException extends StockroomClientException
        permits NotAuthenticatedException, NotPermittedException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    public String type() {
        return problem.type();
    }

    public String title() {
        return problem.title();
    }

    public String detail() {
        return problem.detail();
    }

    public List<FieldError> errors() {
        return problem.errors();
    }

    public Map<String, Object> extensions() {
        return problem.extensions();
    }

    public Optional<Object> extension(String name) {
        return problem.extension(name);
    }
}
