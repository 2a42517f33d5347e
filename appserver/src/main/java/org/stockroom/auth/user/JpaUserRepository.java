package org.stockroom.auth.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.stockroom.auth.token.JpaTokenRepository;
import org.stockroom.persistence.Stockroom;
import org.stockroom.security.Role;

import java.util.List;
import java.util.Optional;

/** Native queries on {@code app_user} through the shared EntityManager (see PersistenceResources). */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    private static final String COLUMNS = "id, username, password_hash, role, disabled, created_at, password_changed_at";

    @Inject
    @Stockroom
    EntityManager em;

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return first(em.createNativeQuery("select " + COLUMNS + " from app_user where lower(username) = lower(:username)")
                .setParameter("username", username)
                .getResultList());
    }

    @Override
    public Optional<UserAccount> findByUsernameForUpdate(String username) {
        return first(em.createNativeQuery("select " + COLUMNS
                        + " from app_user where lower(username) = lower(:username) for update")
                .setParameter("username", username)
                .getResultList());
    }

    @Override
    public List<UserAccount> list(String afterUsername, int limit) {
        Query select = em.createNativeQuery("select " + COLUMNS + " from app_user"
                        + (afterUsername == null ? "" : " where username > :after")
                        + " order by username")
                .setMaxResults(limit);
        if (afterUsername != null) {
            select.setParameter("after", afterUsername);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        return rows.stream().map(JpaUserRepository::account).toList();
    }

    @Override
    public Optional<UserAccount> add(String username, String passwordHash, Role role) {
        // A name taken in another case hits app_user_username_lower_unique: nothing is inserted.
        return first(em.createNativeQuery("""
                        insert into app_user (username, password_hash, role) values (:username, :hash, :role)
                        on conflict do nothing
                        returning\s""" + COLUMNS)
                .setParameter("username", username)
                .setParameter("hash", passwordHash)
                .setParameter("role", role.value())
                .getResultList());
    }

    @Override
    public int lockEnabledAdmins() {
        return em.createNativeQuery("select id from app_user where role = 'admin' and not disabled order by id for update")
                .getResultList().size();
    }

    @Override
    public void changeRole(long userId, Role role) {
        em.createNativeQuery("update app_user set role = :role where id = :id")
                .setParameter("role", role.value())
                .setParameter("id", userId)
                .executeUpdate();
    }

    @Override
    public void changeDisabled(long userId, boolean disabled) {
        em.createNativeQuery("update app_user set disabled = :disabled where id = :id")
                .setParameter("disabled", disabled)
                .setParameter("id", userId)
                .executeUpdate();
    }

    @Override
    public void changePassword(long userId, String passwordHash) {
        em.createNativeQuery("update app_user set password_hash = :hash, password_changed_at = now() where id = :id")
                .setParameter("hash", passwordHash)
                .setParameter("id", userId)
                .executeUpdate();
    }

    @Override
    public void rehash(long userId, String oldHash, String newHash) {
        em.createNativeQuery("update app_user set password_hash = :newHash where id = :id and password_hash = :oldHash")
                .setParameter("newHash", newHash)
                .setParameter("oldHash", oldHash)
                .setParameter("id", userId)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static Optional<UserAccount> first(List<?> rows) {
        return ((List<Object[]>) rows).stream().findFirst().map(JpaUserRepository::account);
    }

    private static UserAccount account(Object[] row) {
        return new UserAccount(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                Role.of((String) row[3]), Boolean.TRUE.equals(row[4]),
                JpaTokenRepository.instant(row[5]), JpaTokenRepository.instant(row[6]));
    }
}
