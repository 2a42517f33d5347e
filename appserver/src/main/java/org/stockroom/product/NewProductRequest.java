package org.stockroom.product;

import org.stockroom.api.NoControlCharacters;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /products}. */
public record NewProductRequest(
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = SKU_PATTERN, message = SKU_RULE)
        String sku,
        @NotBlank @Size(max = 200) @NoControlCharacters String name,
        @Size(max = 2000) @NoControlCharacters(lineBreaks = true) String description,
        @Size(max = 20) @NoControlCharacters String unitOfMeasure,
        @Size(max = 100) @NoControlCharacters String category,
        @PositiveOrZero @Max(1_000_000_000) Integer reorderPoint) {

    public static final String SKU_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";
    public static final String SKU_RULE =
            "must start with a letter or digit and contain only letters, digits, '.', '_' and '-'";

    ProductDetails details() {
        return ProductDetails.of(name, description, unitOfMeasure, category, reorderPoint);
    }
}
