package org.stockroom.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.stockroom.persistence.Stockroom;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Native queries through the shared EntityManager, so that every statement runs on the
 * connection, and in the JTA transaction, of the request's own writes. All times are the
 * database's {@code now()}, the start of the transaction.
 */
@ApplicationScoped
public class JpaIdempotencyRepository implements IdempotencyRepository {

    @Inject
    @Stockroom
    EntityManager em;

    @Override
    public boolean tryLock(String username, String key) {
        // Released by PostgreSQL at commit or rollback. Different keys that hash alike share
        // a lock: at worst a spurious 409, never a wrong replay (the row is looked up by user
        // and key). A user name has no line break, so "user\nkey" names one pair only.
        Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(:scopedKey, 0))")
                .setParameter("scopedKey", username + "\n" + key)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    @Override
    public Optional<StoredResponse> findUnexpired(String username, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select request_fingerprint, status, response_body, location, etag
                          from idempotency_key
                         where username = :username and key = :key and expires_at > now()""")
                .setParameter("username", username)
                .setParameter("key", key)
                .getResultList();
        return rows.stream().findFirst().map(row -> new StoredResponse((String) row[0],
                ((Number) row[1]).intValue(), (String) row[2], (String) row[3], (String) row[4]));
    }

    @Override
    public void store(String username, String key, StoredResponse answer, Duration ttl) {
        // An expired row of the same user and key is replaced; an unexpired one cannot exist
        // here, as the caller holds the key's lock and found none.
        int stored = em.createNativeQuery("""
                        insert into idempotency_key
                               (username, key, request_fingerprint, status, response_body, location, etag,
                                created_at, expires_at)
                        values (:username, :key, :fingerprint, :status, :body, nullif(:location, ''), nullif(:etag, ''),
                                now(), now() + :ttlMillis * interval '1 millisecond')
                        on conflict (username, key) do update
                           set request_fingerprint = excluded.request_fingerprint, status = excluded.status,
                               response_body = excluded.response_body, location = excluded.location,
                               etag = excluded.etag, created_at = excluded.created_at, expires_at = excluded.expires_at
                         where idempotency_key.expires_at <= now()""")
                .setParameter("username", username)
                .setParameter("key", key)
                .setParameter("fingerprint", answer.fingerprint())
                .setParameter("status", answer.status())
                .setParameter("body", answer.body())
                .setParameter("location", answer.location() == null ? "" : answer.location())
                .setParameter("etag", answer.etag() == null ? "" : answer.etag())
                .setParameter("ttlMillis", ttl.toMillis())
                .executeUpdate();
        if (stored != 1) {
            throw new IllegalStateException("an unexpired answer is already stored under the locked key");
        }
    }

    @Override
    public int deleteExpired(int limit) {
        // SKIP LOCKED: housekeeping must never wait for, or deadlock with, another request;
        // a row it skips is deleted by a later one. Nothing depends on when a row goes.
        return em.createNativeQuery("""
                        delete from idempotency_key
                         where (username, key) in (select username, key from idempotency_key
                                                    where expires_at <= now()
                                                    order by expires_at
                                                    limit :limit
                                                    for update skip locked)""")
                .setParameter("limit", limit)
                .executeUpdate();
    }
}
