package org.stockroom.purchasing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A validated request to create a purchase order; each line a SKU and the quantity ordered. */
public record NewPurchaseOrder(PurchaseOrderNumber number, String supplier, boolean allowOverReceipt,
                               LocalDate expectedOn, String note, List<Line> lines) {

    public record Line(String sku, BigDecimal quantity) {
    }
}
