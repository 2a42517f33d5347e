package org.stockroom.client.model;

/** Filters for {@code GET /purchase-orders} (newest first); every field may be {@code null} for "any". */
public record PurchaseOrderQuery(PurchaseOrderStatus status, String supplier, Integer limit, String after) {

    public static PurchaseOrderQuery all() {
        return new PurchaseOrderQuery(null, null, null, null);
    }

    public PurchaseOrderQuery withAfter(String cursor) {
        return new PurchaseOrderQuery(status, supplier, limit, cursor);
    }
}
