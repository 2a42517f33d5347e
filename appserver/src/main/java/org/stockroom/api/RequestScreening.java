package org.stockroom.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.stockroom.problem.BadRequestException;
import org.stockroom.problem.BodyTooLargeException;
import org.stockroom.problem.FieldError;
import org.stockroom.problem.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns away requests that no resource should see, before any of them is matched:
 * a declared body larger than the limit (413), a {@code Content-Type} that is no media
 * type at all (415), an {@code Accept} header that cannot be read (400), and control
 * characters in the path (400) or a query parameter (422), and a ';' in the path (400: it would
 * be read as a matrix parameter and dropped, so {@code /products/A;B} would act on product A).
 * PostgreSQL cannot store U+0000, so such a value would otherwise fail deep inside a
 * query as a 500; no SKU, code or filter value has a use for any control character.
 * A body sent without {@code Content-Length} is counted as it is read ({@link JsonBodyScreening}).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)  // cheaper than checking a token, and says more
@ApplicationScoped
public class RequestScreening implements ContainerRequestFilter {

    private static final Pattern IMPORT_PATH = Pattern.compile("/?(api/v1/)?imports/");

    @Inject
    @ConfigProperty(name = JsonBodyScreening.MAX_BODY_BYTES)
    int maxBodyBytes;

    @Inject
    @ConfigProperty(name = "stockroom.http.max-import-bytes")
    long maxImportBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        // A CSV import is streamed to disk, never held: it has its own, larger limit.
        boolean isImport = IMPORT_PATH.matcher(request.getUriInfo().getPath(true)).lookingAt();
        requireDeclaredLengthWithinLimit(request.getHeaderString(HttpHeaders.CONTENT_LENGTH),
                isImport ? maxImportBytes : maxBodyBytes);
        requireReadableContentType(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
        requireReadableAccept(request);
        if (Text.hasControlCharacter(request.getUriInfo().getPath(true))) {
            throw new BadRequestException("The path contains a control character");
        }
        // Jakarta REST reads ";x" in a path segment as a matrix parameter and drops it from the
        // segment, so DELETE /products/A;B would archive product A. This API has no matrix
        // parameters, and no SKU or location code contains ';' (sent as %3B it is part of the name).
        if (request.getUriInfo().getRequestUri().getRawPath().contains(";")) {
            throw new BadRequestException("The path contains ';': this API has no matrix parameters");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : queryParameters(request).entrySet()) {
            if (Text.hasControlCharacter(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(Text::hasControlCharacter)) {
                errors.add(new FieldError(Text.withoutControlCharacters(parameter.getKey()),
                        Text.NO_CONTROL_CHARACTERS));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static void requireDeclaredLengthWithinLimit(String contentLength, long limit) {
        if (contentLength == null) {
            return;
        }
        try {
            if (Long.parseLong(contentLength.strip()) > limit) {
                throw new BodyTooLargeException(limit);
            }
        } catch (NumberFormatException e) {
            throw new BadRequestException("Content-Length is not a number");
        }
    }

    /** Without this, a header such as {@code Content-Type: garbage} ends as a bare 400 with no body. */
    private static void requireReadableContentType(String contentType) {
        if (contentType == null) {
            return;
        }
        try {
            MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw new NotSupportedException("The Content-Type is not a media type");
        }
    }

    /** The runtime parses Accept while matching and answers a broken one ({@code q=abc}) with a bare 400. */
    private static void requireReadableAccept(ContainerRequestContext request) {
        try {
            request.getAcceptableMediaTypes();
        } catch (RuntimeException e) {  // Jersey's HeaderValueException or an IllegalArgumentException
            throw new BadRequestException("The Accept header is not a list of media types");
        }
    }

    private static MultivaluedMap<String, String> queryParameters(ContainerRequestContext request) {
        try {
            return request.getUriInfo().getQueryParameters(true);
        } catch (IllegalArgumentException e) {  // a broken percent-escape
            throw new BadRequestException("The query string cannot be decoded");
        }
    }
}
