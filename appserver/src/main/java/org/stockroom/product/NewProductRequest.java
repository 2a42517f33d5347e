package org.stockroom.product;

import org.stockroom.api.NoControlCharacters;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** The body of {@code POST /products}. */
public record NewProductRequest(
        @NotBlank
        @Size(max = Sku.MAX_LENGTH)
        @Pattern(regexp = Sku.PATTERN, message = Sku.RULE)
        String sku,
        @NotBlank @Size(max = 200) @NoControlCharacters String name,
        @Size(max = 2000) @NoControlCharacters(lineBreaks = true) String description,
        @Size(max = 20) @NoControlCharacters String unitOfMeasure,
        @Size(max = 100) @NoControlCharacters String category,
        @PositiveOrZero @DecimalMax("1000000000") BigDecimal reorderPoint) {

    ProductDetails details() {
        return ProductDetails.of(name, description, unitOfMeasure, category, reorderPoint);
    }
}
