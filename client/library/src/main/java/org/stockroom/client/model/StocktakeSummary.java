package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;
import java.util.List;

/** A stocktake as {@code GET /stocktakes} lists it: without its lines. */
@JsonbPropertyOrder({"id", "location", "status", "skus", "openedBy", "openedAt", "closedBy", "closedAt", "version"})
public record StocktakeSummary(long id, String location, StocktakeStatus status, List<String> skus, String openedBy,
                               Instant openedAt, String closedBy, Instant closedAt, long version) {
}
