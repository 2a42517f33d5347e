package org.stockroom.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.stockroom.persistence.Stockroom;

import java.util.List;
import java.util.Optional;

/** Native queries on {@code app_user} through the shared EntityManager (see PersistenceResources). */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    @Inject
    @Stockroom
    EntityManager em;

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, username, password_hash, role, disabled
                          from app_user
                         where lower(username) = lower(:username)""")
                .setParameter("username", username)
                .getResultList();
        return rows.stream().findFirst().map(row -> new UserAccount(((Number) row[0]).longValue(), (String) row[1],
                (String) row[2], Role.of((String) row[3]), Boolean.TRUE.equals(row[4])));
    }
}
