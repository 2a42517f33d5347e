package org.stockroom.movement;

import org.stockroom.api.Text;
import org.stockroom.api.NoControlCharacters;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** The body of {@code POST /movements}. */
public record MovementRequest(
        @NotNull
        @Pattern(regexp = "RECEIVE|ISSUE|ADJUST|TRANSFER", message = "must be one of RECEIVE, ISSUE, ADJUST, TRANSFER")
        String type,
        @NotBlank @Size(max = 64) @NoControlCharacters String sku,
        @NotNull @DecimalMin("-1000000000") @DecimalMax("1000000000") BigDecimal quantity,
        @Size(max = 32) @NoControlCharacters String from,
        @Size(max = 32) @NoControlCharacters String to,
        @Size(max = 500) @NoControlCharacters String reason,
        @Size(max = 100) @NoControlCharacters String reference) {

    MovementCommand command() {
        return new MovementCommand(MovementType.valueOf(type), sku.strip(), quantity,
                Text.trimmedOrNull(from), Text.trimmedOrNull(to), Text.trimmedOrNull(reason), Text.trimmedOrNull(reference));
    }

}
