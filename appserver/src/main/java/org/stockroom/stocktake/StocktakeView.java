package org.stockroom.stocktake;

import jakarta.json.bind.annotation.JsonbNillable;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A stocktake as the API shows it: the counted lines and the products still to count, in SKU
 * order. {@code skus} is null for a count of the whole location.
 */
@JsonbNillable
public record StocktakeView(long id, String location, StocktakeStatus status, List<String> skus,
                            String openedBy, Instant openedAt, String closedBy, Instant closedAt, long version,
                            List<StocktakeLineView> lines) {

    static StocktakeView of(StocktakeSheet sheet) {
        Stocktake s = sheet.stocktake();
        List<StocktakeLineView> lines = Stream.concat(
                        s.lines().stream().map(StocktakeLineView::of),
                        sheet.notCounted().stream().map(StocktakeLineView::notCounted))
                .sorted(Comparator.comparing(StocktakeLineView::sku))
                .toList();
        return new StocktakeView(s.id(), s.location().code(), s.status(), s.skus().orElse(null), s.openedBy(),
                s.openedAt(), s.closedBy().orElse(null), s.closedAt().orElse(null), s.version(), lines);
    }
}
