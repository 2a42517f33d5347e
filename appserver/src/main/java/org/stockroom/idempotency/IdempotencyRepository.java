package org.stockroom.idempotency;

import java.time.Duration;
import java.util.Optional;

/** The stored answers to keyed requests, in the table {@code idempotency_key}. */
public interface IdempotencyRepository {

    /**
     * Takes the key's transaction-scoped lock without waiting: false when another
     * transaction, that is a request with the same key still in flight, holds it.
     */
    boolean tryLock(String key);

    /** The stored answer under {@code key}, unless there is none or it has expired. */
    Optional<StoredResponse> findUnexpired(String key);

    /** Stores the answer under {@code key} until {@code ttl} from now, replacing an expired one. */
    void store(String key, StoredResponse answer, Duration ttl);

    /** Deletes at most {@code limit} expired answers; returns how many. */
    int deleteExpired(int limit);
}
