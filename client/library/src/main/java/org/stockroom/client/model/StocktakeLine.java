package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One product of a stocktake. Counted: what the clerk counted, what was on hand as they entered
 * it ({@code expected}, the ledger up to movement {@code expectedAfterMovement}), and the
 * {@code difference} that posting adds to the stock as it is then; {@code movement} is the ADJUST
 * that posted it. Not counted yet: only {@code sku} and {@code name}.
 */
@JsonbPropertyOrder({"sku", "name", "counted", "expected", "difference", "countedBy", "countedAt",
        "expectedAfterMovement", "movement"})
public record StocktakeLine(String sku, String name, BigDecimal counted, BigDecimal expected, BigDecimal difference,
                            String countedBy, Instant countedAt, Long expectedAfterMovement, Long movement) {

    public boolean isCounted() {
        return counted != null;
    }
}
