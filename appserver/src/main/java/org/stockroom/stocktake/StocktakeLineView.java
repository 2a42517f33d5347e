package org.stockroom.stocktake;

import jakarta.json.bind.annotation.JsonbNillable;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A line of a stocktake as the API shows it. Of a product not counted yet only {@code sku} and
 * {@code name} are set. {@code expectedAfterMovement} is the last movement the expected level
 * includes; {@code movement} the ADJUST that posted the difference.
 */
@JsonbNillable
public record StocktakeLineView(String sku, String name, BigDecimal counted, BigDecimal expected,
                                BigDecimal difference, String countedBy, Instant countedAt,
                                Long expectedAfterMovement, Long movement) {

    static StocktakeLineView of(StocktakeLine line) {
        return new StocktakeLineView(line.sku(), line.product().name(), Quantities.plain(line.counted()),
                Quantities.plain(line.expected()), Quantities.plain(line.difference()), line.countedBy(),
                line.countedAt(), line.expectedAfterMovement().orElse(null), line.movement().orElse(null));
    }

    static StocktakeLineView notCounted(ProductToCount product) {
        return new StocktakeLineView(product.sku(), product.name(), null, null, null, null, null, null, null);
    }
}
