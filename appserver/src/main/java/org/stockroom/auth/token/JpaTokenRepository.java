package org.stockroom.auth.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.stockroom.persistence.Stockroom;
import org.stockroom.security.Role;
import org.stockroom.security.Session;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Native queries on {@code auth_token} through the shared EntityManager. All times are the
 * database's {@code now()}, the start of the transaction.
 */
@ApplicationScoped
public class JpaTokenRepository implements TokenRepository {

    @Inject
    @Stockroom
    EntityManager em;

    @Override
    public Session add(String tokenHash, long userId, String username, Role role, Duration ttl) {
        em.createNativeQuery("""
                        insert into auth_token (token_hash, user_id, issued_at, expires_at)
                        values (:hash, :userId, now(), now() + :ttlMillis * interval '1 millisecond')""")
                .setParameter("hash", tokenHash)
                .setParameter("userId", userId)
                .setParameter("ttlMillis", ttl.toMillis())
                .executeUpdate();
        Object expiresAt = em.createNativeQuery("select expires_at from auth_token where token_hash = :hash")
                .setParameter("hash", tokenHash)
                .getSingleResult();
        return new Session(username, role, instant(expiresAt));
    }

    @Override
    public Optional<Session> findActive(String tokenHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select u.username, u.role, t.expires_at
                          from auth_token t
                          join app_user u on u.id = t.user_id
                         where t.token_hash = :hash
                           and t.revoked_at is null
                           and t.expires_at > now()
                           and not u.disabled""")
                .setParameter("hash", tokenHash)
                .getResultList();
        return rows.stream().findFirst()
                .map(row -> new Session((String) row[0], Role.of((String) row[1]), instant(row[2])));
    }

    @Override
    public Set<String> activeAmong(Collection<String> tokenHashes) {
        if (tokenHashes.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> active = em.createNativeQuery("""
                        select t.token_hash
                          from auth_token t
                          join app_user u on u.id = t.user_id
                         where t.token_hash in (:hashes)
                           and t.revoked_at is null
                           and t.expires_at > now()
                           and not u.disabled""")
                .setParameter("hashes", List.copyOf(tokenHashes))
                .getResultList();
        return Set.copyOf(active);
    }

    @Override
    public int revokeAll(long userId) {
        return em.createNativeQuery("""
                        update auth_token set revoked_at = now()
                         where user_id = :userId and revoked_at is null and expires_at > now()""")
                .setParameter("userId", userId)
                .executeUpdate();
    }

    @Override
    public int deleteEnded(long userId, Duration ago) {
        return em.createNativeQuery("""
                        delete from auth_token
                         where user_id = :userId
                           and least(revoked_at, expires_at) < now() - :agoMillis * interval '1 millisecond'""")
                .setParameter("userId", userId)
                .setParameter("agoMillis", ago.toMillis())
                .executeUpdate();
    }

    @Override
    public boolean revoke(String tokenHash) {
        return em.createNativeQuery("""
                        update auth_token set revoked_at = now()
                         where token_hash = :hash and revoked_at is null and expires_at > now()""")
                .setParameter("hash", tokenHash)
                .executeUpdate() == 1;
    }

    /** A {@code timestamptz} column as the driver hands it over, as an instant (for JpaUserRepository too). */
    public static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case ZonedDateTime zoned -> zoned.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("a timestamptz read as " + value.getClass().getName());
        };
    }
}
