package org.stockroom.purchasing;

import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.time.Instant;
import java.time.LocalDate;

/** A purchase order in the list: the order itself, without its lines (GET /purchase-orders/{number} has them). */
@JsonbNillable
@Schema(description = "A purchase order in a list; its lines and deliveries are in GET /purchase-orders/{number}",
        properties = {
                @SchemaProperty(name = "status", enumeration = {"OPEN", "RECEIVED", "CANCELLED"}),
                @SchemaProperty(name = "expectedOn", nullable = true),
                @SchemaProperty(name = "version", description = "The ETag of the order")})
public record PurchaseOrderSummaryView(String number, String supplier, PurchaseOrderStatus status,
                                       boolean allowOverReceipt, LocalDate expectedOn, String createdBy,
                                       Instant createdAt, Instant updatedAt, long version) {

    static PurchaseOrderSummaryView of(PurchaseOrder order) {
        return new PurchaseOrderSummaryView(order.number(), order.supplier(), order.status(),
                order.allowsOverReceipt(), order.expectedOn(), order.createdBy(), order.createdAt(),
                order.updatedAt(), order.version());
    }
}
