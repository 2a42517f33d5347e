package org.stockroom.events;

import org.stockroom.movement.MovementView;
import org.stockroom.stock.StockLevelView;

import java.util.List;

/**
 * A committed movement as the stream tells it: the movement, and the stock levels at the
 * locations it changed as they were when the server read them (never older than the movement).
 */
record RecordedMovement(MovementView movement, List<StockLevelView> levels) {

    RecordedMovement {
        levels = List.copyOf(levels);
    }
}
