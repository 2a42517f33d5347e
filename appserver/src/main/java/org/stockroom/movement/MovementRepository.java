package org.stockroom.movement;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The ledger: movements are added and read, never changed. */
public interface MovementRepository {

    void add(StockMovement movement);

    void flush();

    Optional<StockMovement> find(long id);

    /** The movements with these ids that exist, in no particular order. */
    List<StockMovement> findAll(Collection<Long> ids);

    /** Up to {@code limit} movements older than {@code beforeId}, newest first. */
    List<StockMovement> search(MovementQuery query, Long beforeId, int limit);
}
