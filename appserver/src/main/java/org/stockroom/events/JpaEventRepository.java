package org.stockroom.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.stockroom.persistence.Stockroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Native queries on {@code stock_movement}'s transaction columns (V14), which the entity does not map. */
@ApplicationScoped
public class JpaEventRepository implements EventRepository {

    @Inject
    @Stockroom
    EntityManager em;

    @Override
    public long newestMovementId() {
        Object newest = em.createNativeQuery("select coalesce(max(id), 0) from stock_movement").getSingleResult();
        return ((Number) newest).longValue();
    }

    @Override
    public Optional<String> horizonOf(long movementId) {
        @SuppressWarnings("unchecked")
        List<Object> horizon = em.createNativeQuery("select cast(xact_horizon as text) from stock_movement where id = :id")
                .setParameter("id", movementId)
                .getResultList();
        return horizon.stream().findFirst().map(value -> (String) value);
    }

    @Override
    public List<Long> movementIdsFrom(String horizon, EventFilter filter, int limit) {
        List<String> conditions = new ArrayList<>();
        if (horizon != null) {
            conditions.add("m.xact_id >= cast(:horizon as xid8)");
        }
        if (filter.sku() != null) {
            conditions.add("p.sku = :sku");
        }
        if (filter.location() != null) {
            conditions.add("(f.code = :location or t.code = :location)");
        }
        Query query = em.createNativeQuery("""
                select m.id
                  from stock_movement m
                  join product p on p.id = m.product_id
                  left join location f on f.id = m.from_location_id
                  left join location t on t.id = m.to_location_id
                """ + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by m.id limit :limit");
        if (horizon != null) {
            query.setParameter("horizon", horizon);
        }
        if (filter.sku() != null) {
            query.setParameter("sku", filter.sku());
        }
        if (filter.location() != null) {
            query.setParameter("location", filter.location());
        }
        query.setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<Object> ids = query.getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }
}
