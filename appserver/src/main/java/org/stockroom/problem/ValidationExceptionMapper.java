package org.stockroom.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.stockroom.rules.ReportedViolations;

import java.util.Comparator;
import java.util.List;

/** Bean Validation failures become 422 with one JSON pointer per invalid field. */
@Provider
@ApplicationScoped
public class ValidationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<FieldError> errors = ReportedViolations.of(exception.getConstraintViolations()).stream()
                .map(violation -> new FieldError(pointer(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::pointer).thenComparing(FieldError::message))
                .toList();
        return ProblemResponses.from(new InvalidRequestException(errors), uriInfo);
    }

    /**
     * The property path of a violation on a resource method is
     * {@code method.parameter.field...}; the fields after the parameter are the pointer.
     * A whole missing body (a violation on the parameter itself) points at the document root.
     */
    static String pointer(ConstraintViolation<?> violation) {
        StringBuilder pointer = new StringBuilder();
        String queryParameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // lines[1].quantity is "lines", then "quantity" in element 1: /lines/1/quantity
                if (node.isInIterable() && node.getIndex() != null) {
                    pointer.append('/').append(node.getIndex());
                }
                // A list's element itself ("<list element>") is named by its index alone.
                if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                    pointer.append('/').append(node.getName().replace("~", "~0").replace("/", "~1"));
                }
            } else if (node.getKind() == ElementKind.PARAMETER) {
                queryParameter = node.getName();
            }
        }
        if (pointer.isEmpty() && queryParameter != null && !queryParameter.startsWith("arg")
                && !queryParameter.equals("request")) {
            return queryParameter;
        }
        return pointer.toString();
    }
}
