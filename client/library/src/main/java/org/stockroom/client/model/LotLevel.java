package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one location holds of one lot of a product; {@code expiresOn} is null for a lot that does
 * not expire, {@code expired} says it is past that date on the server's today.
 */
@JsonbPropertyOrder({"sku", "location", "lot", "expiresOn", "expired", "onHand"})
public record LotLevel(String sku, String location, String lot, LocalDate expiresOn, boolean expired,
                       BigDecimal onHand) {
}
