package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * A count of one location's stock, with its lines in SKU order: the counted ones and those still
 * to count. {@code skus} is null when the whole location is counted.
 */
@JsonbPropertyOrder({"id", "location", "status", "skus", "openedBy", "openedAt", "closedBy", "closedAt", "version",
        "lines"})
public record Stocktake(long id, String location, StocktakeStatus status, List<String> skus, String openedBy,
                        Instant openedAt, String closedBy, Instant closedAt, long version, List<StocktakeLine> lines) {

    public Stocktake {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
