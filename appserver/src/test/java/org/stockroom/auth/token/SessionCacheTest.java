package org.stockroom.auth.token;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Test;
import org.stockroom.security.Role;
import org.stockroom.security.Session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SessionCacheTest {

    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");
    private static final Session CLERK = new Session("ann", Role.CLERK, START.plus(Duration.ofHours(8)));

    private final TestClock clock = new TestClock();
    private final TestTransactions transactions = new TestTransactions();
    private final SessionCache cache = new SessionCache(Duration.ofSeconds(5), clock, transactions);

    @Test
    void givenAKeptSession_whenFoundWithinTheTtl_thenItIsThere() {
        cache.keep("hash", CLERK, cache.version());

        clock.advance(Duration.ofMillis(4_999));

        assertThat(cache.find("hash")).contains(CLERK);
        assertThat(cache.find("other")).isEmpty();
    }

    @Test
    void givenAKeptSession_whenTheTtlHasPassed_thenItIsGoneAndDropped() {
        cache.keep("hash", CLERK, cache.version());

        clock.advance(Duration.ofSeconds(5));

        assertThat(cache.find("hash")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void givenATokenThatExpiresBeforeTheTtl_whenFoundAfterItsExpiry_thenItIsGone() {
        Session ending = new Session("ann", Role.CLERK, START.plusSeconds(2));
        cache.keep("hash", ending, cache.version());

        clock.advance(Duration.ofSeconds(2));

        assertThat(cache.find("hash")).isEmpty();
    }

    @Test
    void givenAZeroTtl_thenNothingIsKept() {
        SessionCache off = new SessionCache(Duration.ZERO, clock, transactions);

        off.keep("hash", CLERK, off.version());

        assertThat(off.find("hash")).isEmpty();
    }

    @Test
    void givenANegativeTtl_thenRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SessionCache(Duration.ofSeconds(-1), clock, transactions));
    }

    @Test
    void givenARevocationInATransaction_thenTheCacheIsEmptiedAtOnceAndAgainWhenItEnds() {
        cache.keep("hash", CLERK, cache.version());
        transactions.active = true;

        cache.forgetAllWhenCommitted();
        assertThat(cache.find("hash")).isEmpty();

        // A request reads the old session from the database before the revocation commits ...
        long seen = cache.version();
        cache.keep("hash", CLERK, seen);
        assertThat(cache.find("hash")).contains(CLERK);
        // ... and the commit empties the cache again.
        transactions.complete();
        assertThat(cache.find("hash")).isEmpty();
    }

    @Test
    void givenASessionReadBeforeARevocationCommitted_whenKeptAfterIt_thenItIsNotKept() {
        long seenBeforeTheCommit = cache.version();

        cache.forgetAllWhenCommitted();  // no transaction: only the emptying now
        cache.keep("hash", CLERK, seenBeforeTheCommit);

        assertThat(cache.find("hash")).isEmpty();
        assertThat(transactions.registered).isEmpty();
    }

    @Test
    void givenAFullCache_whenStaleSessionsExist_thenTheyMakeRoomElseNothingMoreIsKept() {
        for (int i = 0; i < SessionCache.MAX_SESSIONS; i++) {
            cache.keep("old" + i, CLERK, cache.version());
        }
        cache.keep("one too many", CLERK, cache.version());
        assertThat(cache.find("one too many")).isEmpty();
        assertThat(cache.size()).isEqualTo(SessionCache.MAX_SESSIONS);

        clock.advance(Duration.ofSeconds(6));
        cache.keep("new", CLERK, cache.version());

        assertThat(cache.find("new")).contains(CLERK);
        assertThat(cache.size()).isEqualTo(1);
    }

    private static final class TestClock extends Clock {
        private Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** Just enough of a JTA registry: is a transaction running, and what runs when it ends. */
    private static final class TestTransactions implements TransactionSynchronizationRegistry {
        boolean active;
        final List<Synchronization> registered = new ArrayList<>();

        void complete() {
            registered.forEach(Synchronization::beforeCompletion);
            registered.forEach(sync -> sync.afterCompletion(jakarta.transaction.Status.STATUS_COMMITTED));
            registered.clear();
            active = false;
        }

        @Override
        public Object getTransactionKey() {
            return active ? "tx" : null;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            registered.add(sync);
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getTransactionStatus() {
            return active ? jakarta.transaction.Status.STATUS_ACTIVE : jakarta.transaction.Status.STATUS_NO_TRANSACTION;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
