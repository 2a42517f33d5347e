package org.stockroom.product;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import org.stockroom.api.NoControlCharacters;
import org.stockroom.api.StrictBooleanDeserializer;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The body of {@code PUT /products/{sku}}: it replaces the editable fields (an omitted
 * optional field is cleared or reset to its default). A client may send back the whole
 * representation it read: the read-only fields are accepted and ignored, except a
 * {@code sku} that differs from the path, which is refused.
 */
@Schema(description = "A product's new details, replacing every editable field: an omitted description or category "
        + "becomes null, unitOfMeasure EA, reorderPoint 0. The read-only fields of a product as read (archived, onHand, "
        + "version, createdAt, updatedAt) are accepted and ignored", properties = {
        @SchemaProperty(name = "sku", description = "May be left out; if given, the SKU in the path"),
        @SchemaProperty(name = "lotTracked", description = "Unchanged when absent (unlike the other fields); "
                + "switched only while nothing is on hand")})
public record ProductUpdateRequest(
        String sku,
        @NotBlank @Size(max = 200) @NoControlCharacters String name,
        @Size(max = 2000) @NoControlCharacters(lineBreaks = true) String description,
        @Size(max = 20) @NoControlCharacters String unitOfMeasure,
        @Size(max = 100) @NoControlCharacters String category,
        @PositiveOrZero @DecimalMax("1000000000") BigDecimal reorderPoint,
        @JsonbTypeDeserializer(StrictBooleanDeserializer.class) Boolean lotTracked,
        // read-only, ignored:
        Boolean archived,
        BigDecimal onHand,
        Integer decimalPlaces,
        Long version,
        Instant createdAt,
        Instant updatedAt) {

    ProductDetails details() {
        return ProductDetails.of(name, description, unitOfMeasure, category, reorderPoint, lotTracked);
    }
}
