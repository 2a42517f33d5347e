package org.stockroom.purchasing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.stockroom.api.NoControlCharacters;

import java.math.BigDecimal;

/** A line of {@code POST /purchase-orders}. */
@Schema(description = "What is ordered of one product", properties = {
        @SchemaProperty(name = "sku", description = "An existing product that is not archived; once per order",
                example = "BOLT-1"),
        @SchemaProperty(name = "quantity", description = "How much is ordered: positive, in the product's unit's "
                + "decimal places", example = "10")})
public record OrderLineRequest(
        @NotBlank @Size(max = 64) @NoControlCharacters String sku,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000") BigDecimal quantity) {

    NewPurchaseOrder.Line line() {
        return new NewPurchaseOrder.Line(sku.strip(), quantity);
    }
}
