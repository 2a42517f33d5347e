package org.stockroom.product;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import org.stockroom.api.NoControlCharacters;
import org.stockroom.api.StrictBooleanDeserializer;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.math.BigDecimal;

/** The body of {@code POST /products}. */
@Schema(description = "A new product. Text is trimmed; a blank description or category is stored as null",
        properties = {
                @SchemaProperty(name = "sku", pattern = "^" + Sku.PATTERN + "$", example = "HINGE-75"),
                @SchemaProperty(name = "unitOfMeasure", description = "EA when absent or blank"),
                @SchemaProperty(name = "reorderPoint", description = "0 when absent; no finer than the unit counts"),
                @SchemaProperty(name = "lotTracked", description = "true: every unit is in a lot; false when absent")})
public record NewProductRequest(
        @NotBlank
        @Size(max = Sku.MAX_LENGTH)
        @Pattern(regexp = Sku.PATTERN, message = Sku.RULE)
        String sku,
        @NotBlank @Size(max = 200) @NoControlCharacters String name,
        @Size(max = 2000) @NoControlCharacters(lineBreaks = true) String description,
        @Size(max = 20) @NoControlCharacters String unitOfMeasure,
        @Size(max = 100) @NoControlCharacters String category,
        @PositiveOrZero @DecimalMax("1000000000") BigDecimal reorderPoint,
        @JsonbTypeDeserializer(StrictBooleanDeserializer.class) Boolean lotTracked) {

    ProductDetails details() {
        return ProductDetails.of(name, description, unitOfMeasure, category, reorderPoint,
                Boolean.TRUE.equals(lotTracked));
    }
}
