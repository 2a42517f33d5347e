package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /purchase-orders}: one line per SKU. With {@code allowOverReceipt}
 * true, deliveries may bring more than was ordered; false or null refuses them (409 over-receipt).
 */
@JsonbPropertyOrder({"number", "supplier", "expectedOn", "note", "allowOverReceipt", "lines"})
public record NewPurchaseOrder(String number, String supplier, LocalDate expectedOn, String note,
                               Boolean allowOverReceipt, List<Line> lines) {

    /** An order of these lines, with nothing else said. */
    public static NewPurchaseOrder of(String number, String supplier, List<Line> lines) {
        return new NewPurchaseOrder(number, supplier, null, null, null, lines);
    }

    /** What is ordered of one product. */
    @JsonbPropertyOrder({"sku", "quantity"})
    public record Line(String sku, BigDecimal quantity) {
    }
}
