package org.stockroom.purchasing;

/** The fact that a purchase order was cancelled (fired as a CDI event inside its transaction). */
public record PurchaseOrderCancelled(PurchaseOrder order) {
}
