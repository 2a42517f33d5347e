package org.stockroom.auth.password;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.stockroom.persistence.Stockroom;

import java.time.Duration;
import java.util.List;

/**
 * Native queries on {@code login_failure} through the shared EntityManager. The three keys of
 * one attempt are built here, in SQL, with the same {@code lower()} that log-in looks users up
 * by; the address goes first in the pair's key, as an address never holds a space.
 */
@ApplicationScoped
public class JpaLoginFailureRepository implements LoginFailureRepository {

    private static final String KEYS = """
            (values ('user_address', :address || ' ' || lower(:username)),
                    ('address', :address),
                    ('user', lower(:username)))""";

    @Inject
    @Stockroom
    EntityManager em;

    @Override
    public List<FailureWindow> windowsOf(String username, String address) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select f.scope, f.failures, cast(extract(epoch from now() - f.window_started_at) * 1000 as bigint)
                          from login_failure f
                         where (f.scope, f.key) in\s""" + KEYS)
                .setParameter("username", username)
                .setParameter("address", address)
                .getResultList();
        return rows.stream().map(row -> new FailureWindow(FailureScope.ofColumn((String) row[0]),
                ((Number) row[1]).intValue(), Duration.ofMillis(((Number) row[2]).longValue()))).toList();
    }

    @Override
    public void recordFailure(String username, String address, Duration window) {
        // Always the same order of rows: two failures that share keys lock them alike, so they
        // wait for each other rather than deadlock. (In SET, f.* are the row's old values.)
        em.createNativeQuery("""
                        insert into login_failure as f (scope, key, window_started_at, failures)
                        select scope, key, now(), 1 from\s""" + KEYS + """
                         as attempt (scope, key)
                        on conflict (scope, key) do update
                           set failures = case when f.window_started_at > now() - :windowMillis * interval '1 millisecond'
                                               then f.failures + 1 else 1 end,
                               window_started_at = case when f.window_started_at > now() - :windowMillis * interval '1 millisecond'
                                                        then f.window_started_at else now() end""")
                .setParameter("username", username)
                .setParameter("address", address)
                .setParameter("windowMillis", window.toMillis())
                .executeUpdate();
    }

    @Override
    public void forget(String username, String address) {
        em.createNativeQuery("delete from login_failure where scope = 'user_address' and key = :address || ' ' || lower(:username)")
                .setParameter("username", username)
                .setParameter("address", address)
                .executeUpdate();
    }

    @Override
    public int deleteEnded(Duration window, int limit) {
        // SKIP LOCKED: housekeeping never waits for a log-in; a row it skips goes next time.
        return em.createNativeQuery("""
                        delete from login_failure
                         where (scope, key) in (select scope, key from login_failure
                                                 where window_started_at <= now() - :windowMillis * interval '1 millisecond'
                                                 order by window_started_at
                                                 limit :limit
                                                 for update skip locked)""")
                .setParameter("windowMillis", window.toMillis())
                .setParameter("limit", limit)
                .executeUpdate();
    }
}
