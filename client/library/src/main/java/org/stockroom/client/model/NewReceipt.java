package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /purchase-orders/{number}/receipts}: a delivery into one location, one
 * line per SKU of the order, and an optional outside reference (the supplier's delivery note).
 */
@JsonbPropertyOrder({"location", "lines", "reference"})
public record NewReceipt(String location, List<Line> lines, String reference) {

    /** What arrived of one product. */
    @JsonbPropertyOrder({"sku", "quantity"})
    public record Line(String sku, BigDecimal quantity) {
    }
}
