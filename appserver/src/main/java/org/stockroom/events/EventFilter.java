package org.stockroom.events;

import org.stockroom.movement.MovementView;
import org.stockroom.stock.StockLevelView;

/**
 * Which events a stream wants: those of one product, of one location, or both; null is "any".
 * A movement is of a location when it takes stock from or brings stock to it; a level is of the
 * location it counts, so a transfer seen by a stream of its source location brings that
 * location's level only.
 */
record EventFilter(String sku, String location) {

    static final EventFilter ALL = new EventFilter(null, null);

    boolean accepts(MovementView movement) {
        return (sku == null || sku.equals(movement.sku()))
                && (location == null || location.equals(movement.from()) || location.equals(movement.to()));
    }

    boolean accepts(StockLevelView level) {
        return (sku == null || sku.equals(level.sku())) && (location == null || location.equals(level.location()));
    }
}
