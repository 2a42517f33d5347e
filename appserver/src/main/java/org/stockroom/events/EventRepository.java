package org.stockroom.events;

import java.util.List;
import java.util.Optional;

/**
 * What the event stream reads of the ledger beyond the movements themselves: the transaction
 * columns of V14, by which a resumed stream finds what its client missed.
 */
interface EventRepository {

    /** The newest movement's id; 0 when the ledger is empty. */
    long newestMovementId();

    /**
     * The horizon of a movement ({@code xact_horizon}, as text): every movement that committed
     * after it was written at or after this horizon. Empty when there is no such movement or it
     * was recorded before V14.
     */
    Optional<String> horizonOf(long movementId);

    /**
     * Up to {@code limit} ids of the movements written at or after {@code horizon} (all movements
     * when null) that the filter accepts, in id order.
     */
    List<Long> movementIdsFrom(String horizon, EventFilter filter, int limit);
}
