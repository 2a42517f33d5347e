package org.stockroom.stocktake;

import jakarta.json.bind.annotation.JsonbNillable;

import java.time.Instant;
import java.util.List;

/** A stocktake in a list: as {@link StocktakeView}, without its lines. */
@JsonbNillable
public record StocktakeSummaryView(long id, String location, StocktakeStatus status, List<String> skus,
                                   String openedBy, Instant openedAt, String closedBy, Instant closedAt,
                                   long version) {

    static StocktakeSummaryView of(Stocktake s) {
        return new StocktakeSummaryView(s.id(), s.location().code(), s.status(), s.skus().orElse(null),
                s.openedBy(), s.openedAt(), s.closedBy().orElse(null), s.closedAt().orElse(null), s.version());
    }
}
