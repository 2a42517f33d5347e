package org.stockroom.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@code application/problem+json} responses (RFC 9457). */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    private ProblemResponses() {
    }

    public static Response from(ApiException e, UriInfo uriInfo) {
        Response problem = build(e.status(), e.type(), e.title(), e.detail(), uriInfo, e.errors(), e.extensions());
        if (e.retryAfterSeconds() > 0) {
            return Response.fromResponse(problem).header("Retry-After", e.retryAfterSeconds()).build();
        }
        if (e instanceof UnauthorizedException unauthorized) {
            return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, unauthorized.challenge()).build();
        }
        return problem;
    }

    public static Response of(int status, String type, String title, String detail, UriInfo uriInfo) {
        return build(status, type, title, detail, uriInfo, List.of(), Map.of());
    }

    private static Response build(int status, String type, String title, String detail, UriInfo uriInfo,
                                  List<FieldError> errors, Map<String, Object> extensions) {
        // A map rather than a record: RFC 9457 extension members sit beside the standard ones.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (uriInfo != null) {
            body.put("instance", uriInfo.getRequestUri().getRawPath());
        }
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        body.putAll(extensions);
        return Response.status(statusOf(status, title)).type(PROBLEM_JSON).entity(body).build();
    }

    /** JAX-RS 3.1 knows no reason phrase for 422 or 428; without one the status line would repeat the code. */
    private static Response.StatusType statusOf(int status, String title) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known;
        }
        String reason = switch (status) {
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            default -> title;
        };
        return new Response.StatusType() {
            @Override
            public int getStatusCode() {
                return status;
            }

            @Override
            public Response.Status.Family getFamily() {
                return Response.Status.Family.familyOf(status);
            }

            @Override
            public String getReasonPhrase() {
                return reason;
            }
        };
    }
}
