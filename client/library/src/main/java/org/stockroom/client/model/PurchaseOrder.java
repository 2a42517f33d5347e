package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A purchase order with its lines (ordered, received, outstanding) and its deliveries, oldest first. */
@JsonbPropertyOrder({"number", "supplier", "status", "allowOverReceipt", "expectedOn", "note", "createdBy",
        "createdAt", "updatedAt", "version", "lines", "receipts"})
public record PurchaseOrder(String number, String supplier, PurchaseOrderStatus status, boolean allowOverReceipt,
                            LocalDate expectedOn, String note, String createdBy, Instant createdAt, Instant updatedAt,
                            long version, List<Line> lines, List<PurchaseReceipt> receipts) {

    /** What the order asks for of one product; outstanding is 0 once the order is closed. */
    @JsonbPropertyOrder({"sku", "name", "unitOfMeasure", "ordered", "received", "outstanding"})
    public record Line(String sku, String name, String unitOfMeasure, BigDecimal ordered, BigDecimal received,
                       BigDecimal outstanding) {
    }
}
