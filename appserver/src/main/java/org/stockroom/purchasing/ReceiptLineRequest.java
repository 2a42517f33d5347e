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

/** A line of {@code POST /purchase-orders/{number}/receipts}. */
@Schema(description = "What arrived of one product of the order", properties = {
        @SchemaProperty(name = "sku", description = "A SKU on the order; once per delivery", example = "BOLT-1"),
        @SchemaProperty(name = "quantity", description = "How much arrived: positive, in the product's unit's "
                + "decimal places, at most what is outstanding unless the order allows over-receipt", example = "6")})
public record ReceiptLineRequest(
        @NotBlank @Size(max = 64) @NoControlCharacters String sku,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000") BigDecimal quantity) {

    DeliveredQuantity delivered() {
        return new DeliveredQuantity(sku.strip(), quantity);
    }
}
