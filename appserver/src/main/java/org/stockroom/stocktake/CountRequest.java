package org.stockroom.stocktake;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** The body of {@code PUT /stocktakes/{id}/lines/{sku}}: how many were counted, in the product's unit. */
public record CountRequest(
        @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 6) BigDecimal counted) {
}
