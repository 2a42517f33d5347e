package org.stockroom.purchasing;

import java.math.BigDecimal;

/** A quantity of one of the order's lines in a delivery, checked against the order ({@link PurchaseOrder#arrivalsOf}). */
public record Arrival(PurchaseOrderLine line, BigDecimal quantity) {

    public String sku() {
        return line.product().sku();
    }
}
