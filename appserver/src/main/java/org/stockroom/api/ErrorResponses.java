package org.stockroom.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.stockroom.problem.ProblemResponses;

import java.math.BigDecimal;

/**
 * The error answers of the OpenAPI document (/openapi), each defined here once under
 * {@code components/responses} with its problem+json body, and listed by the operations that can
 * give it by reference:
 * <pre>{@code @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)}</pre>
 * The ones every operation of a resource can give sit on the resource class. A model reader
 * (mp.openapi.model.reader) rather than annotations: twelve answers with the same body and
 * their own descriptions read better as this table than as twelve nested annotations.
 */
public class ErrorResponses implements OASModelReader {

    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String EDIT_CONFLICT = "EditConflict";
    public static final String BODY_TOO_LARGE = "BodyTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String INVALID_FIELDS = "InvalidFields";
    public static final String INVALID_ROWS = "InvalidRows";
    public static final String PRECONDITION_REQUIRED = "PreconditionRequired";
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";
    public static final String UNAVAILABLE = "Unavailable";

    /** The schema of every error body: the record {@code org.stockroom.problem.Problem}. */
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public OpenAPI buildModel() {
        Header retryAfter = OASFactory.createHeader().description("Seconds to wait before trying again")
                .schema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER).minimum(BigDecimal.ONE));
        Header challenge = OASFactory.createHeader().description("Bearer realm=\"stockroom\", with "
                        + "error=\"invalid_token\" when a token was sent that is not valid")
                .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING));
        return OASFactory.createOpenAPI().components(OASFactory.createComponents()
                .addResponse(BAD_REQUEST, problem("The request cannot be read: broken JSON, a value of the wrong "
                        + "type, an unknown or repeated field, an 'after' the server did not issue, a malformed "
                        + "Idempotency-Key, a control character or ';' in the path (malformed-request); no body where "
                        + "one is required (about:blank). Nothing was done"))
                .addResponse(UNAUTHORIZED, problem("No bearer token, or one that is unknown, expired or revoked "
                        + "(unauthorized): log in with POST /api/v1/auth/token")
                        .addHeader("WWW-Authenticate", challenge))
                .addResponse(FORBIDDEN, problem("The token is valid, but its user's role is too low for this "
                        + "(forbidden)"))
                .addResponse(NOT_FOUND, problem("What the path or the body names does not exist (not-found)"))
                .addResponse(CONFLICT, problem("The request contradicts the current state, and nothing was done: "
                        + "already-exists, insufficient-stock, insufficient-available, reservation-closed, reservation-exceeded, "
                        + "product-archived, stock-on-hand, last-admin, "
                        + "edit-conflict, data-integrity; or idempotency-key-in-flight or import-in-progress (retry shortly)"))
                .addResponse(EDIT_CONFLICT, problem("If-Match names a version that is no longer current "
                        + "(edit-conflict, with currentEtag): read again, reapply the change, retry"))
                .addResponse(BODY_TOO_LARGE, problem("The body is larger than the server reads, 64 KiB by default "
                        + "(body-too-large, with maxBytes)"))
                .addResponse(UNSUPPORTED_MEDIA_TYPE, problem("The body is not application/json in UTF-8 (about:blank)"))
                .addResponse(INVALID_FIELDS, problem("The request is readable, but values break their rules, each "
                        + "in 'errors' with its JSON pointer or query parameter (invalid-fields); or the "
                        + "Idempotency-Key was used before for a different request (idempotency-key-reused)"))
                .addResponse(INVALID_ROWS, problem("Rows of the imported file break the rules, and nothing was "
                        + "imported (invalid-rows): 'errors' lists the first 100 bad rows in line order, each with its "
                        + "line, column (the header's name) and reason, and 'errorCount' says how many there are"))
                .addResponse(PRECONDITION_REQUIRED, problem("A change needs If-Match with the ETag last read "
                        + "(precondition-required)"))
                .addResponse(TOO_MANY_REQUESTS, problem("More requests per second than the rate limit allows, from "
                        + "this address or by this user, or too many failed log-ins (too-many-requests). Nothing was "
                        + "done; wait Retry-After seconds")
                        .addHeader("Retry-After", retryAfter))
                .addResponse(UNAVAILABLE, problem("The database cannot take the request now (database-unavailable), "
                        + "or the server is checking as many passwords as it allows at once (server-busy). Nothing "
                        + "was done; retry after Retry-After seconds, with the same Idempotency-Key")
                        .addHeader("Retry-After", retryAfter)));
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(ProblemResponses.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
    }
}
