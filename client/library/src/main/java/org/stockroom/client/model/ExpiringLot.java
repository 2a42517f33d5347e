package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A lot in stock at a location that expires soon: {@code daysLeft} is 0 on its last day, negative once expired. */
@JsonbPropertyOrder({"sku", "location", "lot", "expiresOn", "daysLeft", "expired", "onHand"})
public record ExpiringLot(String sku, String location, String lot, LocalDate expiresOn, long daysLeft,
                          boolean expired, BigDecimal onHand) {
}
