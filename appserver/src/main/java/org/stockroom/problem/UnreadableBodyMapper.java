package org.stockroom.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.stockroom.persistence.Causes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A body that is not the JSON we expect (broken syntax, wrong types, unknown fields): 400. */
@Provider
@ApplicationScoped
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    private static final int MAX_DETAIL = 300;
    private static final Pattern PROPERTY = Pattern.compile("deserialize property '([^']+)'");
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Json property (\\S+) can not be mapped");
    // JSON-B's words for a value of the wrong shape, such as an object where a list belongs.
    private static final Pattern WRONG_SHAPE = Pattern.compile(
            "Incorrect position for processing type: .*Received event: (\\w+) Allowed: \\[(\\w+)");
    // Our class names say nothing to a client.
    private static final Pattern INTERNAL_CLASS_NAME = Pattern.compile("(class )*org\\.stockroom\\.[\\w.$]+");

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ProcessingException exception) {
        // A refusal raised while the body was read (too large, duplicate field) may arrive wrapped.
        for (Throwable cause : Causes.of(exception)) {
            if (cause instanceof ApiException refusal) {
                return ProblemResponses.from(refusal, uriInfo);
            }
            if (cause instanceof WebApplicationException refusal) {
                return new WebApplicationExceptionMapper().toResponseFor(refusal, uriInfo);
            }
        }
        return ProblemResponses.from(new BadRequestException(describe(exception)), uriInfo);
    }

    /** The property JSON-B was reading when it failed, if its messages name one. */
    private static String fieldIn(Throwable exception) {
        for (Throwable cause : Causes.of(exception)) {
            Matcher property = PROPERTY.matcher(String.valueOf(cause.getMessage()));
            if (property.find()) {
                return property.group(1);
            }
        }
        return null;
    }

    private static String describe(Throwable exception) {
        // The innermost message names the field or position; keep it to one short line.
        Throwable cause = Causes.of(exception).getLast();
        String reason = cause.getMessage() == null ? "" : cause.getMessage().replaceAll("\\s+", " ").strip();
        Matcher unknown = UNKNOWN_PROPERTY.matcher(reason);
        if (unknown.find()) {
            return "The request body has a field this resource does not know: '" + unknown.group(1) + "'";
        }
        Matcher wrongShape = WRONG_SHAPE.matcher(reason);
        if (wrongShape.find()) {
            reason = "expected " + jsonValue(wrongShape.group(2)) + ", not " + jsonValue(wrongShape.group(1));
        }
        reason = INTERNAL_CLASS_NAME.matcher(reason).replaceAll("the request");
        String field = fieldIn(exception);
        if (field != null) {
            return "The request body is not valid JSON for this resource: field '" + field + "': " + reason;
        }
        if (reason.length() > MAX_DETAIL) {
            reason = reason.substring(0, MAX_DETAIL) + "...";
        }
        return reason.isEmpty() ? "The request body is not valid JSON for this resource"
                : "The request body is not valid JSON for this resource: " + reason;
    }

    /** A JSON parser event, as a client would name the value. */
    private static String jsonValue(String event) {
        return switch (event) {
            case "START_ARRAY" -> "an array";
            case "START_OBJECT" -> "an object";
            case "VALUE_STRING" -> "text";
            case "VALUE_NUMBER" -> "a number";
            case "VALUE_TRUE", "VALUE_FALSE" -> "a boolean";
            case "VALUE_NULL" -> "null";
            default -> event;
        };
    }
}
