package org.stockroom.purchasing;

/**
 * The filters of the order list; null means "any".
 *
 * @param status   only orders in this status
 * @param supplier only orders whose supplier contains this, ignoring case
 */
public record PurchaseOrderQuery(PurchaseOrderStatus status, String supplier) {
}
