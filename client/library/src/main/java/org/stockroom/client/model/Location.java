package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/** A place stock is kept, identified by its code (MAIN, SHOP, VAN-1...). */
@JsonbPropertyOrder({"code", "name", "createdAt"})
public record Location(String code, String name, Instant createdAt) {
}
