package org.stockroom.movement;

import org.stockroom.api.Text;
import org.stockroom.api.NoControlCharacters;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import org.stockroom.lot.LotNumber;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The body of {@code POST /movements}. */
@Schema(description = "A movement to record. A blank from, to, reason or reference counts as absent. By type: "
        + "RECEIVE a positive quantity into 'to'; ISSUE a positive quantity out of 'from'; TRANSFER a positive quantity "
        + "from 'from' to another 'to'; ADJUST a signed, non-zero quantity at one location ('to' or 'from'), with a "
        + "reason", properties = {
        @SchemaProperty(name = "type", enumeration = {"RECEIVE", "ISSUE", "ADJUST", "TRANSFER"}),
        @SchemaProperty(name = "from", description = "A location code, as the type requires"),
        @SchemaProperty(name = "to", description = "A location code, as the type requires"),
        @SchemaProperty(name = "reason", description = "Required for ADJUST"),
        @SchemaProperty(name = "reference", description = "An outside reference: a purchase order, a job"),
        @SchemaProperty(name = "lot", pattern = "^" + LotNumber.PATTERN + "$", example = "L2026-117",
                description = "The lot of a lot-tracked product (it must be empty for any other): required for RECEIVE "
                        + "and ADJUST; for ISSUE and TRANSFER the lot to take, else the first to expire"),
        @SchemaProperty(name = "expiresOn", description = "RECEIVE or ADJUST up, with a lot: the expiry date of a "
                + "new lot (an existing lot's must agree); absent: the lot does not expire"),
        @SchemaProperty(name = "reservation", description = "ISSUE only: the id of an OPEN reservation of this SKU "
                + "at 'from' to take the stock out of (at most what it still holds); absent: the ISSUE takes "
                + "available stock only (on hand - reserved)")})
public record MovementRequest(
        @NotNull
        @Pattern(regexp = "RECEIVE|ISSUE|ADJUST|TRANSFER", message = "must be one of RECEIVE, ISSUE, ADJUST, TRANSFER")
        String type,
        @NotBlank @Size(max = 64) @NoControlCharacters String sku,
        @NotNull @DecimalMin("-1000000000") @DecimalMax("1000000000") BigDecimal quantity,
        @Size(max = 32) @NoControlCharacters String from,
        @Size(max = 32) @NoControlCharacters String to,
        @Size(max = 500) @NoControlCharacters String reason,
        @Size(max = 100) @NoControlCharacters String reference,
        @Size(max = LotNumber.MAX_LENGTH) @Pattern(regexp = LotNumber.PATTERN, message = LotNumber.RULE) String lot,
        LocalDate expiresOn,
        @Positive Long reservation) {

    MovementCommand command() {
        return new MovementCommand(MovementType.valueOf(type), sku.strip(), quantity,
                Text.trimmedOrNull(from), Text.trimmedOrNull(to), Text.trimmedOrNull(reason), Text.trimmedOrNull(reference),
                lot, expiresOn, reservation);
    }

}
