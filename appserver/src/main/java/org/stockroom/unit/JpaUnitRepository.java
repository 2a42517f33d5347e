package org.stockroom.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.stockroom.persistence.Stockroom;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaUnitRepository implements UnitRepository {

    @Inject
    @Stockroom
    EntityManager em;

    @Override
    public Optional<UnitOfMeasure> find(String code) {
        return Optional.ofNullable(em.find(UnitOfMeasure.class, UnitOfMeasure.key(code)));
    }

    @Override
    public List<UnitOfMeasure> all() {
        return em.createQuery("select u from UnitOfMeasure u order by u.code", UnitOfMeasure.class).getResultList();
    }
}
