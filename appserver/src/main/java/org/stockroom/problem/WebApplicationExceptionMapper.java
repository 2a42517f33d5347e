package org.stockroom.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The runtime's own refusals (no such path 404, wrong method 405, not acceptable 406,
 * wrong content type 415) answered as problems like every other error.
 */
@Provider
@ApplicationScoped
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        return toResponseFor(exception, uriInfo);
    }

    Response toResponseFor(WebApplicationException exception, UriInfo uriInfo) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        Response.StatusType statusInfo = original.getStatusInfo();
        String detail = switch (status) {
            case 400 -> exception.getCause() instanceof NoContentException
                    ? "A JSON request body is required" : "The request could not be read";
            case 404 -> "There is no resource at this path";
            case 405 -> "This resource does not support that method; allowed: " + original.getAllowedMethods();
            case 406 -> "This resource answers with application/json only";
            case 415 -> "Send the request body as application/json in UTF-8";
            default -> statusInfo.getReasonPhrase();
        };
        String type = status == 404 ? ProblemTypes.NOT_FOUND : ProblemTypes.ABOUT_BLANK;
        Response problem = ProblemResponses.of(status, type, statusInfo.getReasonPhrase(), detail, uriInfo);
        if (status == 405 && !original.getAllowedMethods().isEmpty()) {
            return Response.fromResponse(problem).allow(original.getAllowedMethods()).build();
        }
        return problem;
    }
}
