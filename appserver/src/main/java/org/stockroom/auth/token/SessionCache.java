package org.stockroom.auth.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.stockroom.security.Session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of recently checked bearer tokens, by token hash, kept for a few seconds
 * ({@code stockroom.auth.session-cache-ttl}) so that most requests learn who sent them without
 * a transaction and a query of their own. Only valid sessions are kept; an unknown token always
 * goes to the database.
 *
 * <p>Revocation stays immediate on this server: every write that can end or change a session
 * (log-out, password change or reset, role change, disabling) is made by a service that calls
 * {@link #forgetAllWhenCommitted} in the same transaction,
 * which empties the cache when its transaction ends. A lookup that raced with such a write cannot
 * put back what it read before the commit: the cache counts its emptyings, and a session read
 * under an older count is dropped. Other servers on the same database, and changes made in SQL
 * by hand, are seen within the TTL.
 */
@ApplicationScoped
public class SessionCache {

    /** Beyond this many sessions no more are kept until stale ones are dropped: memory stays bounded. */
    static final int MAX_SESSIONS = 10_000;

    private record Cached(Session session, Instant freshUntil) {
    }

    private final ConcurrentHashMap<String, Cached> sessions = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private long emptyings;  // guarded by this

    @Inject
    public SessionCache(@ConfigProperty(name = "stockroom.auth.session-cache-ttl", defaultValue = "PT5S") Duration ttl,
                        TransactionSynchronizationRegistry transactions) {
        this(ttl, Clock.systemUTC(), transactions);
    }

    SessionCache(Duration ttl, Clock clock, TransactionSynchronizationRegistry transactions) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("the session cache TTL must not be negative: " + ttl);
        }
        this.ttl = ttl;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** The cached session of the token hash, if it is fresh and the token has not expired meanwhile. */
    public Optional<Session> find(String tokenHash) {
        Cached cached = sessions.get(tokenHash);
        if (cached == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isBefore(cached.freshUntil()) && now.isBefore(cached.session().expiresAt())) {
            return Optional.of(cached.session());
        }
        sessions.remove(tokenHash, cached);
        return Optional.empty();
    }

    /** Call before reading a session from the database, and hand the result to {@link #keep}. */
    public synchronized long version() {
        return emptyings;
    }

    /** Keeps a session read from the database, unless the cache was emptied since {@code version}. */
    public synchronized void keep(String tokenHash, Session session, long version) {
        if (ttl.isZero() || version != emptyings) {
            return;
        }
        if (sessions.size() >= MAX_SESSIONS) {
            Instant now = clock.instant();
            sessions.values().removeIf(cached -> !now.isBefore(cached.freshUntil()));
            if (sessions.size() >= MAX_SESSIONS) {
                return;
            }
        }
        sessions.put(tokenHash, new Cached(session, clock.instant().plus(ttl)));
    }

    /**
     * Empties the cache now and again when the running transaction ends (committed or not):
     * the caller is changing tokens or users, and no session read before its commit may stay.
     */
    public void forgetAllWhenCommitted() {
        forgetAll();
        if (transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {  // a rollback changed nothing, but forgetting is harmless
                    forgetAll();
                }
            });
        }
    }

    synchronized void forgetAll() {
        emptyings++;
        sessions.clear();
    }

    int size() {
        return sessions.size();
    }
}
