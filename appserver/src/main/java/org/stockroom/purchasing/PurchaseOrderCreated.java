package org.stockroom.purchasing;

/** The fact that a purchase order was created (fired as a CDI event inside its transaction). */
public record PurchaseOrderCreated(PurchaseOrder order) {
}
