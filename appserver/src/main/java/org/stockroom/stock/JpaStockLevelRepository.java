package org.stockroom.stock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.stockroom.persistence.Stockroom;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import org.stockroom.location.Location;
import org.stockroom.product.Product;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class JpaStockLevelRepository implements StockLevelRepository {

    @Inject
    @Stockroom
    EntityManager em;

    @Override
    public StockLevel lockOrCreate(Product product, Location location) {
        // "on conflict do nothing" makes concurrent first receipts safe: one inserts, all then lock the row.
        em.createNativeQuery("insert into stock_level (product_id, location_id, on_hand, updated_at)"
                        + " values (?1, ?2, 0, now()) on conflict do nothing")
                .setParameter(1, product.id())
                .setParameter(2, location.id())
                .executeUpdate();
        return lock(product, location).orElseThrow();
    }

    @Override
    public Optional<StockLevel> lock(Product product, Location location) {
        return Optional.ofNullable(em.find(StockLevel.class, new StockLevelId(product.id(), location.id()),
                LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public List<StockLevelView> findAll(Collection<StockLevelId> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        // Every product with every location asked for: a superset of the keys when they are many, cut down below.
        List<StockLevel> levels = em.createQuery("select s from StockLevel s join fetch s.product p join fetch s.location l"
                        + " where p.id in :products and l.id in :locations order by p.sku, l.code", StockLevel.class)
                .setParameter("products", keys.stream().map(StockLevelId::productId).distinct().toList())
                .setParameter("locations", keys.stream().map(StockLevelId::locationId).distinct().toList())
                .getResultList();
        Set<StockLevelId> wanted = Set.copyOf(keys);
        return levels.stream()
                .filter(level -> wanted.contains(new StockLevelId(level.product().id(), level.location().id())))
                .map(StockLevelView::of)
                .toList();
    }

    @Override
    public List<StockLevelView> search(StockQuery query, String afterSku, String afterLocation, int limit) {
        List<String> conditions = new ArrayList<>();
        if (query.sku() != null) {
            conditions.add("p.sku = :sku");
        }
        if (query.locationCode() != null) {
            conditions.add("l.code = :location");
        }
        if (query.belowReorder()) {
            conditions.add("p.archived = false");
            conditions.add("p.onHand < p.reorderPoint");
        }
        if (afterSku != null) {
            conditions.add("(p.sku > :afterSku or (p.sku = :afterSku and l.code > :afterLocation))");
        }
        String jpql = "select p, l.code, s.onHand"
                + " from StockLevel s join s.product p join s.location l"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by p.sku, l.code";
        TypedQuery<Object[]> select = em.createQuery(jpql, Object[].class).setMaxResults(limit);
        if (query.sku() != null) {
            select.setParameter("sku", query.sku());
        }
        if (query.locationCode() != null) {
            select.setParameter("location", query.locationCode());
        }
        if (afterSku != null) {
            select.setParameter("afterSku", afterSku).setParameter("afterLocation", afterLocation);
        }
        return select.getResultList().stream()
                .map(row -> StockLevelView.of((Product) row[0], (String) row[1], (BigDecimal) row[2]))
                .toList();
    }
}
