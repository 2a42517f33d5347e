package org.stockroom.purchasing;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.stockroom.api.NoControlCharacters;
import org.stockroom.api.StrictBooleanDeserializer;
import org.stockroom.api.Text;

import java.time.LocalDate;
import java.util.List;

/** The body of {@code POST /purchase-orders}. */
@Schema(description = "A new purchase order. Text is trimmed; a blank note counts as absent", properties = {
        @SchemaProperty(name = "number", pattern = "^" + PurchaseOrderNumber.PATTERN + "$", example = "PO-1011",
                description = "The order's number, unique; never changes"),
        @SchemaProperty(name = "supplier", example = "Acme Fasteners"),
        @SchemaProperty(name = "expectedOn", nullable = true, description = "When the goods are expected (a date)",
                example = "2026-12-15"),
        @SchemaProperty(name = "note", nullable = true),
        @SchemaProperty(name = "allowOverReceipt", nullable = true, description = "true: deliveries may bring more "
                + "than was ordered; false or absent: a delivery that would is refused with 409 over-receipt"),
        @SchemaProperty(name = "lines", description = "One line per SKU, at least one")})
public record NewPurchaseOrderRequest(
        @NotBlank
        @Size(max = PurchaseOrderNumber.MAX_LENGTH)
        @Pattern(regexp = PurchaseOrderNumber.PATTERN, message = PurchaseOrderNumber.RULE)
        String number,
        @NotBlank @Size(max = 200) @NoControlCharacters String supplier,
        LocalDate expectedOn,
        @Size(max = 2000) @NoControlCharacters(lineBreaks = true) String note,
        @JsonbTypeDeserializer(StrictBooleanDeserializer.class) Boolean allowOverReceipt,
        @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid OrderLineRequest> lines) {

    NewPurchaseOrder command() {
        return new NewPurchaseOrder(PurchaseOrderNumber.of(number), supplier.strip(), Boolean.TRUE.equals(allowOverReceipt),
                expectedOn, Text.trimmedOrNull(note), lines.stream().map(OrderLineRequest::line).toList());
    }
}
