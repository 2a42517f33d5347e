package org.stockroom.idempotency;

import java.time.Duration;
import java.util.Optional;

/**
 * The stored answers to keyed requests, in the table {@code idempotency_key}. A key belongs to
 * the user who sent it: the same key from two users names two different requests.
 */
public interface IdempotencyRepository {

    /**
     * Takes the user's key's transaction-scoped lock without waiting: false when another
     * transaction, that is a request with the same key still in flight, holds it.
     */
    boolean tryLock(String username, String key);

    /** The user's stored answer under {@code key}, unless there is none or it has expired. */
    Optional<StoredResponse> findUnexpired(String username, String key);

    /** Stores the user's answer under {@code key} until {@code ttl} from now, replacing an expired one. */
    void store(String username, String key, StoredResponse answer, Duration ttl);

    /** Deletes at most {@code limit} expired answers; returns how many. */
    int deleteExpired(int limit);
}
