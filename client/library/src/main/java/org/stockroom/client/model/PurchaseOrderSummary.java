package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;
import java.time.LocalDate;

/** A purchase order as the list shows it, without its lines. */
@JsonbPropertyOrder({"number", "supplier", "status", "allowOverReceipt", "expectedOn", "createdBy", "createdAt",
        "updatedAt", "version"})
public record PurchaseOrderSummary(String number, String supplier, PurchaseOrderStatus status,
                                   boolean allowOverReceipt, LocalDate expectedOn, String createdBy,
                                   Instant createdAt, Instant updatedAt, long version) {
}
