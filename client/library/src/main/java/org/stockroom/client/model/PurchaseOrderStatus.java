package org.stockroom.client.model;

/** Where a purchase order stands: OPEN takes deliveries; RECEIVED and CANCELLED are closed. */
public enum PurchaseOrderStatus {
    OPEN, RECEIVED, CANCELLED
}
