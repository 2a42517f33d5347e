package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;
import java.time.LocalDate;

/** How much of one lot a movement moved, signed like its quantity; {@code expiresOn} null if the lot does not expire. */
@JsonbPropertyOrder({"lot", "expiresOn", "quantity"})
public record MovementLot(String lot, LocalDate expiresOn, BigDecimal quantity) {
}
