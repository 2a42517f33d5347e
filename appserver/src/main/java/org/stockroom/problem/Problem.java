package org.stockroom.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The body of every error answer, as the OpenAPI document (/openapi) describes it. {@link ProblemResponses}
 * writes it as a map rather than as this record, since each problem type may add its own extension
 * members beside these (RFC 9457 section 3.2): this record only names the members every problem has.
 */
@Schema(name = "Problem", additionalProperties = Schema.True.class,
        requiredProperties = {"type", "title", "status", "detail"},
        description = "An RFC 9457 problem document (application/problem+json). Some types add members of their "
                + "own: currentEtag (edit-conflict), maxBytes (body-too-large), sku, location, onHand and requested "
                + "(insufficient-stock), also reserved and available (insufficient-available), onHand (stock-on-hand). The types are listed in docs/api.md#problem-types.")
public record Problem(
        @Schema(description = "What went wrong, as a URI: act on this, not on the text",
                example = "https://stockroom.dev/problems/not-found")
        String type,
        @Schema(description = "A short summary of the type", example = "Not found")
        String title,
        @Schema(description = "The HTTP status code", example = "404")
        int status,
        @Schema(description = "This occurrence explained for a person",
                example = "No product 'BOLT-M9' exists")
        String detail,
        @Schema(description = "The path of the request", example = "/api/v1/products/BOLT-M9")
        String instance,
        @Schema(description = "Only for 422 invalid-fields: one entry per invalid field")
        List<FieldError> errors) {
}
