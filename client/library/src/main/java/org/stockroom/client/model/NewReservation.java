package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The body of {@code POST /reservations}: hold {@code quantity} of a SKU at a location for a reference
 * until {@code expiresAt} (null: the server's default, 7 days unless configured).
 */
@JsonbPropertyOrder({"sku", "location", "quantity", "reference", "expiresAt"})
public record NewReservation(String sku, String location, BigDecimal quantity, String reference, Instant expiresAt) {
}
