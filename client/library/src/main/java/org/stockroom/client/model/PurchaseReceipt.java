package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A delivery received against a purchase order; each line names the RECEIVE movement it wrote. */
@JsonbPropertyOrder({"id", "order", "location", "receivedAt", "receivedBy", "reference", "lines"})
public record PurchaseReceipt(long id, String order, String location, Instant receivedAt, String receivedBy,
                              String reference, List<Line> lines) {

    @JsonbPropertyOrder({"sku", "quantity", "movementId"})
    public record Line(String sku, BigDecimal quantity, long movementId) {
    }
}
