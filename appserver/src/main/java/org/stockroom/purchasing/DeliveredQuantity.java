package org.stockroom.purchasing;

import java.math.BigDecimal;

/** What a delivery brought of one SKU, as the clerk counted it. */
public record DeliveredQuantity(String sku, BigDecimal quantity) {
}
