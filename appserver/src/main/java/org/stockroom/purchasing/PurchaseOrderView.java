package org.stockroom.purchasing;

import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A purchase order as the API shows it, with its lines and deliveries. */
@JsonbNillable
@Schema(description = "A purchase order with its lines (ordered, received, outstanding) and its deliveries",
        properties = {
                @SchemaProperty(name = "number", description = "The identifier; never changes", example = "PO-1011"),
                @SchemaProperty(name = "status", enumeration = {"OPEN", "RECEIVED", "CANCELLED"},
                        description = "OPEN takes deliveries; RECEIVED: every line arrived in full; CANCELLED: closed "
                                + "by a manager, what arrived stays"),
                @SchemaProperty(name = "allowOverReceipt",
                        description = "Whether deliveries may bring more than was ordered"),
                @SchemaProperty(name = "expectedOn", nullable = true),
                @SchemaProperty(name = "note", nullable = true),
                @SchemaProperty(name = "createdBy", description = "The manager who created it"),
                @SchemaProperty(name = "updatedAt", description = "The last delivery or the cancel; else createdAt"),
                @SchemaProperty(name = "version", description = "Changes with every delivery and the cancel; the ETag"),
                @SchemaProperty(name = "receipts", description = "The deliveries, oldest first")})
public record PurchaseOrderView(String number, String supplier, PurchaseOrderStatus status, boolean allowOverReceipt,
                                LocalDate expectedOn, String note, String createdBy, Instant createdAt,
                                Instant updatedAt, long version, List<PurchaseOrderLineView> lines,
                                List<PurchaseReceiptView> receipts) {

    static PurchaseOrderView of(PurchaseOrder order, List<PurchaseReceipt> receipts) {
        return new PurchaseOrderView(order.number(), order.supplier(), order.status(), order.allowsOverReceipt(),
                order.expectedOn(), order.note(), order.createdBy(), order.createdAt(), order.updatedAt(),
                order.version(), order.lines().stream().map(PurchaseOrderLineView::of).toList(),
                receipts.stream().map(PurchaseReceiptView::of).toList());
    }
}
