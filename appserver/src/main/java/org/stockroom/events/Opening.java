package org.stockroom.events;

import org.stockroom.stock.StockLevelView;

import java.util.List;

/** How a stream begins, decided from its {@code Last-Event-ID} and the ledger. */
sealed interface Opening {

    /** A new stream: live from now; the newest movement (0 if none) is where a reconnect resumes from. */
    record Ready(long newestMovementId) implements Opening {
    }

    /**
     * A resumed stream: the movements its client may have missed, in id order (some it may have,
     * which it recognises by id), and the current levels at the locations they changed.
     */
    record Replay(List<RecordedMovement> movements, List<StockLevelView> levels) implements Opening {

        public Replay {
            movements = List.copyOf(movements);
            levels = List.copyOf(levels);
        }
    }

    /** The stream cannot be resumed (unknown id, too much missed): the client reloads what it shows. */
    record Reset(String reason, String detail, long newestMovementId) implements Opening {
    }
}
