package org.stockroom.csv;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.stockroom.api.NoControlCharacters;
import org.stockroom.lot.LotNumber;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of an opening-stock file, under the rules of a RECEIVE in {@code POST /movements}. */
record OpeningStockRow(
        @NotBlank @Size(max = 64) @NoControlCharacters String sku,
        @NotBlank @Size(max = 32) @NoControlCharacters String location,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000") BigDecimal quantity,
        @Size(max = LotNumber.MAX_LENGTH) @Pattern(regexp = LotNumber.PATTERN, message = LotNumber.RULE) String lot,
        LocalDate expiresOn) {
}
