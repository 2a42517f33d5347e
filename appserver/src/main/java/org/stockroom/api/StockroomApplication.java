package org.stockroom.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import java.util.Map;

/**
 * Version 1 of the Stockroom REST API; resources and providers are found by CDI discovery.
 *
 * <p>Its {@code @OpenAPIDefinition} is the part of the OpenAPI document (served at /openapi) that
 * the operations share: the bearer token, the paging parameters, the Idempotency-Key
 * and the headers of successful answers; {@link ErrorResponses} adds the error answers. The
 * operations themselves are described on the resources, their bodies on the request and view records.
 */
@ApplicationScoped
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info = @Info(title = "Stockroom", version = "1",
                description = "The inventory API: products, locations, the stock ledger (movements) and what is on "
                        + "hand, the audit trail, log-in and users. Every error is an RFC 9457 problem "
                        + "(application/problem+json). Besides the answers listed with each operation, any request "
                        + "may be refused as hostile input: 413 for a declared body over the limit, 415 for a "
                        + "Content-Type that is no media type, 422 for a control character in a query parameter. "
                        + "The guide, with examples: docs/api.md."),
        security = @SecurityRequirement(name = StockroomApplication.BEARER),
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = StockroomApplication.BEARER,
                        type = SecuritySchemeType.HTTP, scheme = "bearer",
                        description = "The opaque token from POST /api/v1/auth/token, sent as "
                                + "'Authorization: Bearer <token>'. Each operation says the least role it needs."),
                parameters = {
                        @Parameter(name = StockroomApplication.LIMIT, in = ParameterIn.QUERY,
                                description = "Items per page",
                                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500",
                                        defaultValue = "50")),
                        @Parameter(name = StockroomApplication.AFTER, in = ParameterIn.QUERY,
                                description = "The 'next' of the previous page, for the page after it; "
                                        + "send the same filters again",
                                schema = @Schema(type = SchemaType.STRING)),
                        @Parameter(name = StockroomApplication.IDEMPOTENCY_KEY, in = ParameterIn.HEADER,
                                description = "A new unique value (a random UUID) per request, the same in each "
                                        + "retry of it: a retry is then answered with the first answer and applied "
                                        + "once. Printable ASCII, 1 to 255 characters",
                                schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))},
                headers = {
                        @Header(name = HttpHeaders.ETAG, description = "The product's version, for If-Match",
                                schema = @Schema(type = SchemaType.STRING, example = "\"3\"")),
                        @Header(name = HttpHeaders.LOCATION, description = "The path of what was created",
                                schema = @Schema(type = SchemaType.STRING)),
                        @Header(name = StockroomApplication.REPLAYED, description = "'true' when this is the stored "
                                + "answer to an earlier request with the same Idempotency-Key: nothing was done again",
                                schema = @Schema(type = SchemaType.STRING, enumeration = "true"))}))
public class StockroomApplication extends Application {

    /** The security scheme: a bearer token from {@code POST /auth/token}. */
    public static final String BEARER = "bearer";
    /** The parameters of the OpenAPI document that several operations share, as {@code @Parameter(ref = ...)}. */
    public static final String LIMIT = "limit";
    public static final String AFTER = "after";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The headers of successful answers, as {@code @Header(name = ..., ref = ...)}, besides ETag and Location. */
    public static final String REPLAYED = "Idempotent-Replayed";

    /**
     * Answer {@code Location: /api/v1/products/BOLT-1} as created, not resolved against
     * the host name the request happened to use (RFC 9110 allows a relative reference).
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
