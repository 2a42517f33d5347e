package org.stockroom.stocktake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import org.stockroom.location.Location;
import org.stockroom.persistence.Stockroom;
import org.stockroom.product.Product;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaStocktakeRepository implements StocktakeRepository {

    @Inject
    @Stockroom
    EntityManager em;

    @Override
    public void add(Stocktake stocktake) {
        em.persist(stocktake);
    }

    @Override
    public void add(StocktakeLine line) {
        em.persist(line);
    }

    @Override
    public Optional<Stocktake> find(long id) {
        // The location and the lines with their products in one query: the sheet shows them all.
        return withLines(id);
    }

    private Optional<Stocktake> withLines(long id) {
        return em.createQuery("select distinct s from Stocktake s join fetch s.location"
                        + " left join fetch s.lines l left join fetch l.product where s.id = :id", Stocktake.class)
                .setParameter("id", id)
                .getResultList().stream()
                .findFirst();
    }

    @Override
    public Optional<Stocktake> lock(long id) {
        // PESSIMISTIC_WRITE is FOR NO KEY UPDATE on PostgreSQL: it waits for the line trigger's FOR SHARE.
        // The row alone: a lock in a query that also read the lines would lock their products too.
        return Optional.ofNullable(em.find(Stocktake.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void fetchLines(Stocktake stocktake) {
        // The same persistence context: the query fills the managed stocktake's lines.
        withLines(stocktake.id());
    }

    @Override
    public List<String> countedSkusInLockOrder(Stocktake stocktake) {
        return em.createQuery("select p.sku from StocktakeLine l join l.product p where l.stocktake = :stocktake"
                        + " order by p.id", String.class)
                .setParameter("stocktake", stocktake)
                .getResultList();
    }

    @Override
    public void touch(Stocktake stocktake) {
        // PESSIMISTIC, as the row is locked so already: Hibernate ignores a request for a lesser lock.
        em.lock(stocktake, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }

    @Override
    public Optional<Stocktake> findOpen(Location location) {
        return em.createQuery("select s from Stocktake s where s.location = :location and s.status = :open",
                        Stocktake.class)
                .setParameter("location", location)
                .setParameter("open", StocktakeStatus.OPEN)
                .getResultList().stream()
                .findFirst();
    }

    @Override
    public OnHandSnapshot onHand(Product product, Location location) {
        // The head of the ledger's chain (V8): its balance is the level, and it names the last movement.
        @SuppressWarnings("unchecked")
        List<Object[]> head = em.createNativeQuery("select balance, last_movement_id from stock_ledger_balance"
                        + " where product_id = ?1 and location_id = ?2")
                .setParameter(1, product.id())
                .setParameter(2, location.id())
                .getResultList();
        if (head.isEmpty()) {
            return OnHandSnapshot.none();
        }
        Object[] row = head.getFirst();
        return new OnHandSnapshot(new BigDecimal(row[0].toString()), ((Number) row[1]).longValue());
    }

    @Override
    public List<ProductToCount> onHandAt(Location location) {
        return em.createQuery("select new org.stockroom.stocktake.ProductToCount(p.sku, p.name)"
                        + " from StockLevel s join s.product p where s.location = :location and s.onHand > 0"
                        + " order by p.sku", ProductToCount.class)
                .setParameter("location", location)
                .getResultList();
    }

    @Override
    public List<ProductToCount> products(Collection<String> skus) {
        return em.createQuery("select new org.stockroom.stocktake.ProductToCount(p.sku, p.name)"
                        + " from Product p where p.sku in :skus order by p.sku", ProductToCount.class)
                .setParameter("skus", skus)
                .getResultList();
    }

    @Override
    public List<Stocktake> search(StocktakeQuery query, Long beforeId, int limit) {
        List<String> conditions = new ArrayList<>();
        if (query.status() != null) {
            conditions.add("s.status = :status");
        }
        if (query.locationCode() != null) {
            conditions.add("l.code = :location");
        }
        if (beforeId != null) {
            conditions.add("s.id < :beforeId");
        }
        String jpql = "select s from Stocktake s join fetch s.location l"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by s.id desc";
        TypedQuery<Stocktake> select = em.createQuery(jpql, Stocktake.class).setMaxResults(limit);
        if (query.status() != null) {
            select.setParameter("status", query.status());
        }
        if (query.locationCode() != null) {
            select.setParameter("location", query.locationCode());
        }
        if (beforeId != null) {
            select.setParameter("beforeId", beforeId);
        }
        return select.getResultList();
    }

    @Override
    public void flush() {
        em.flush();
    }
}
