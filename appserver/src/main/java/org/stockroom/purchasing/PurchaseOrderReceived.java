package org.stockroom.purchasing;

/**
 * The fact that a delivery was received against a purchase order (fired inside its transaction,
 * after the movements it wrote, which are announced on their own).
 */
public record PurchaseOrderReceived(PurchaseOrder order, PurchaseReceipt receipt) {
}
