package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The body of {@code POST /locations}. */
@JsonbPropertyOrder({"code", "name"})
public record NewLocation(String code, String name) {
}
