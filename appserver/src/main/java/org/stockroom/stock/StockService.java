package org.stockroom.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** Use cases of the on-hand report. */
@ApplicationScoped
public class StockService {

    private final StockLevelRepository levels;

    @Inject
    public StockService(StockLevelRepository levels) {
        this.levels = levels;
    }

    /** Up to {@code limit} rows after the given (SKU, location code) key. */
    @Transactional
    public List<StockLevelView> levels(StockQuery query, String afterSku, String afterLocation, int limit) {
        return levels.search(query, afterSku, afterLocation, limit);
    }
}
