package org.stockroom.reservation;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.stockroom.api.NoControlCharacters;

import java.math.BigDecimal;
import java.time.Instant;

/** The body of {@code POST /reservations}. */
@Schema(description = "Stock to hold for a reference. Text is trimmed", properties = {
        @SchemaProperty(name = "sku", example = "BOLT-M8"),
        @SchemaProperty(name = "location", description = "The location code the stock is held at", example = "A-01"),
        @SchemaProperty(name = "quantity", description = "Positive, in the product's unit's decimal places; at most "
                + "what is available there (on hand - reserved)", example = "12"),
        @SchemaProperty(name = "reference", description = "What it is held for: an order number, a job",
                example = "SO-4711"),
        @SchemaProperty(name = "expiresAt", nullable = true, description = "When it stops holding the stock, an "
                + "ISO-8601 instant in the future, at most 366 days ahead; absent: the server's default time to live "
                + "(7 days unless configured)", example = "2026-12-01T17:00:00Z")})
public record NewReservationRequest(
        @NotBlank @Size(max = 64) @NoControlCharacters String sku,
        @NotBlank @Size(max = 32) @NoControlCharacters String location,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000") BigDecimal quantity,
        @NotBlank @Size(max = 100) @NoControlCharacters String reference,
        Instant expiresAt) {

    ReservationCommand command() {
        return new ReservationCommand(sku.strip(), location.strip(), quantity, reference.strip(), expiresAt);
    }
}
