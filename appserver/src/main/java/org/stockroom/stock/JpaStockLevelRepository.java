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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class JpaStockLevelRepository implements StockLevelRepository {

    /**
     * A row of the report: the product, the location's id and code, on hand, reserved, and what of that
     * the level's OPEN reservations past their expiry still hold, which the report does not count as
     * reserved: they hold nothing any more, though the sweep may not have marked them EXPIRED yet.
     * (The reservation table is V17's; the report reads it, the stock package does not use its classes.)
     */
    private static final String SELECT_ROW = "select p, l.id, l.code, s.onHand, s.reserved,"
            + " coalesce((select sum(r.remaining) from Reservation r where r.product = p and r.location = l"
            + " and r.status = org.stockroom.reservation.ReservationStatus.OPEN and r.expiresAt <= :now), 0)";

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
    public Optional<StockLevel> lock(StockLevelId id) {
        return Optional.ofNullable(em.find(StockLevel.class, id, LockModeType.PESSIMISTIC_WRITE));
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
        List<Object[]> rows = em.createQuery(SELECT_ROW + " from StockLevel s join s.product p join s.location l"
                        + " where p.id in :products and l.id in :locations order by p.sku, l.code", Object[].class)
                .setParameter("products", keys.stream().map(StockLevelId::productId).distinct().toList())
                .setParameter("locations", keys.stream().map(StockLevelId::locationId).distinct().toList())
                .setParameter("now", Instant.now())
                .getResultList();
        Set<StockLevelId> wanted = Set.copyOf(keys);
        return rows.stream()
                .filter(row -> wanted.contains(new StockLevelId(((Product) row[0]).id(), (Long) row[1])))
                .map(JpaStockLevelRepository::viewOf)
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
        String jpql = SELECT_ROW + " from StockLevel s join s.product p join s.location l"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by p.sku, l.code";
        TypedQuery<Object[]> select = em.createQuery(jpql, Object[].class).setMaxResults(limit)
                .setParameter("now", Instant.now());
        if (query.sku() != null) {
            select.setParameter("sku", query.sku());
        }
        if (query.locationCode() != null) {
            select.setParameter("location", query.locationCode());
        }
        if (afterSku != null) {
            select.setParameter("afterSku", afterSku).setParameter("afterLocation", afterLocation);
        }
        return select.getResultList().stream().map(JpaStockLevelRepository::viewOf).toList();
    }

    private static StockLevelView viewOf(Object[] row) {
        BigDecimal onHand = (BigDecimal) row[3];
        BigDecimal reserved = ((BigDecimal) row[4]).subtract((BigDecimal) row[5]);
        return StockLevelView.of((Product) row[0], (String) row[2], onHand, reserved);
    }
}
