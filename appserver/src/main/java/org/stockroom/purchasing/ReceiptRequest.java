package org.stockroom.purchasing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.stockroom.api.NoControlCharacters;
import org.stockroom.api.Text;

import java.util.List;

/** The body of {@code POST /purchase-orders/{number}/receipts}. */
@Schema(description = "A delivery against the order, into one location", properties = {
        @SchemaProperty(name = "location", description = "The code of the location the goods are put into",
                example = "MAIN"),
        @SchemaProperty(name = "lines", description = "What arrived, one line per SKU, at least one"),
        @SchemaProperty(name = "reference", nullable = true,
                description = "An outside reference of the delivery, e.g. the supplier's delivery note")})
public record ReceiptRequest(
        @NotBlank @Size(max = 32) @NoControlCharacters String location,
        @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid ReceiptLineRequest> lines,
        @Size(max = 100) @NoControlCharacters String reference) {

    Delivery delivery() {
        return new Delivery(location.strip(), lines.stream().map(ReceiptLineRequest::delivered).toList(),
                Text.trimmedOrNull(reference));
    }
}
