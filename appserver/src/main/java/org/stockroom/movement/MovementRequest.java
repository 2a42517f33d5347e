package org.stockroom.movement;

import org.stockroom.api.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /movements}. */
public record MovementRequest(
        @NotNull
        @Pattern(regexp = "RECEIVE|ISSUE|ADJUST|TRANSFER", message = "must be one of RECEIVE, ISSUE, ADJUST, TRANSFER")
        String type,
        @NotBlank @Size(max = 64) String sku,
        @NotNull @Min(-1_000_000_000) @Max(1_000_000_000) Integer quantity,
        @Size(max = 32) String from,
        @Size(max = 32) String to,
        @Size(max = 500) String reason,
        @Size(max = 100) String reference) {

    MovementCommand command() {
        return new MovementCommand(MovementType.valueOf(type), sku.strip(), quantity,
                Text.trimmedOrNull(from), Text.trimmedOrNull(to), Text.trimmedOrNull(reason), Text.trimmedOrNull(reference));
    }

}
