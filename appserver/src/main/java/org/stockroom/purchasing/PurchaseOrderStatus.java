package org.stockroom.purchasing;

/** Where a purchase order stands: OPEN takes deliveries; RECEIVED and CANCELLED are closed for good. */
public enum PurchaseOrderStatus {
    /** Waiting for (more of) its goods. */
    OPEN,
    /** Every line arrived in full. */
    RECEIVED,
    /** Closed by a manager: what arrived stays, nothing more is expected. */
    CANCELLED
}
