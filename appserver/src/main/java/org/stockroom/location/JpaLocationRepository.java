package org.stockroom.location;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.stockroom.persistence.Stockroom;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaLocationRepository implements LocationRepository {

    @Inject
    @Stockroom
    EntityManager em;

    @Override
    public Optional<Location> findByCode(String code) {
        return em.createQuery("select l from Location l where l.code = :code", Location.class)
                .setParameter("code", code)
                .getResultList().stream()
                .findFirst();
    }

    @Override
    public boolean existsByCode(String code) {
        return findByCode(code).isPresent();
    }

    @Override
    public void add(Location location) {
        em.persist(location);
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public List<Location> list(String afterCode, int limit) {
        return em.createQuery("select l from Location l where :afterCode is null or l.code > :afterCode"
                        + " order by l.code", Location.class)
                .setParameter("afterCode", afterCode)
                .setMaxResults(limit)
                .getResultList();
    }
}
