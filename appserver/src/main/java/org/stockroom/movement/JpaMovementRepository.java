package org.stockroom.movement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.stockroom.persistence.Stockroom;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaMovementRepository implements MovementRepository {

    // Fetch the product and both locations with the movement: one query, no N+1.
    private static final String SELECT = "select m from StockMovement m join fetch m.product p"
            + " left join fetch m.from f left join fetch m.to t";

    @Inject
    @Stockroom
    EntityManager em;

    @Override
    public void add(StockMovement movement) {
        em.persist(movement);
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public Optional<StockMovement> find(long id) {
        return withTheirLots(em.createQuery(SELECT + " where m.id = :id", StockMovement.class)
                .setParameter("id", id)
                .getResultList()).stream()
                .findFirst();
    }

    @Override
    public List<StockMovement> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery(SELECT + " where m.id in :ids", StockMovement.class)
                .setParameter("ids", List.copyOf(ids))
                .getResultList();
    }

    @Override
    public List<StockMovement> search(MovementQuery query, Long beforeId, int limit) {
        List<String> conditions = new ArrayList<>();
        if (query.sku() != null) {
            conditions.add("p.sku = :sku");
        }
        if (query.locationCode() != null) {
            conditions.add("(f.code = :location or t.code = :location)");
        }
        if (query.since() != null) {
            conditions.add("m.occurredAt >= :since");
        }
        if (beforeId != null) {
            conditions.add("m.id < :beforeId");
        }
        String jpql = SELECT + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by m.id desc";
        TypedQuery<StockMovement> select = em.createQuery(jpql, StockMovement.class).setMaxResults(limit);
        if (query.sku() != null) {
            select.setParameter("sku", query.sku());
        }
        if (query.locationCode() != null) {
            select.setParameter("location", query.locationCode());
        }
        if (query.since() != null) {
            select.setParameter("since", query.since());
        }
        if (beforeId != null) {
            select.setParameter("beforeId", beforeId);
        }
        return withTheirLots(select.getResultList());
    }

    /**
     * Loads the lots of the movements found, in one query for all of them (a fetch join in the
     * paged query itself would page in memory): they are shown after the transaction has ended.
     */
    private List<StockMovement> withTheirLots(List<StockMovement> found) {
        if (!found.isEmpty()) {
            em.createQuery("select distinct m from StockMovement m left join fetch m.lots ml left join fetch ml.lot"
                            + " where m in :found", StockMovement.class)
                    .setParameter("found", found)
                    .getResultList();
        }
        return found;
    }
}
