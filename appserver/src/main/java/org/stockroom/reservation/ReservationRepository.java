package org.stockroom.reservation;

import org.stockroom.stock.StockLevel;
import org.stockroom.stock.StockLevelId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The reservations, and what the ones of a level hold. */
public interface ReservationRepository {

    void add(Reservation reservation);

    /** Writes pending changes now, so that constraint refusals surface here. */
    void flush();

    Optional<Reservation> find(long id);

    /** The product and location of a reservation, read without loading it into the transaction. */
    Optional<ReservationKey> keyOf(long id);

    /** Finds a reservation and locks it until the transaction ends; callers hold its level's lock first. */
    Optional<Reservation> lock(long id);

    /** The database's time for this transaction (its {@code now()}), which its expiry checks use. */
    Instant databaseNow();

    /**
     * The ids of the level's OPEN reservations past their expiry at the database's time, locked,
     * oldest first: one query, which finds none on almost every call.
     */
    List<Long> lockExpired(StockLevel level);

    /** The level's OPEN reservations, locked, newest first. */
    List<Reservation> lockOpenNewestFirst(StockLevel level);

    /** Up to {@code limit} levels that have OPEN reservations past their expiry at the database's time. */
    List<StockLevelId> levelsWithExpired(int limit);

    /** Up to {@code limit} reservations older than {@code beforeId}, newest first. */
    List<Reservation> search(ReservationQuery query, Long beforeId, int limit, Instant now);
}
