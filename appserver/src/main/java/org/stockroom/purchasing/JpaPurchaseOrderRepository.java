package org.stockroom.purchasing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import org.stockroom.persistence.Stockroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class JpaPurchaseOrderRepository implements PurchaseOrderRepository {

    // A receipt with its location and its lines, each with its movement and product: one query.
    private static final String SELECT_RECEIPTS = "select distinct r from PurchaseReceipt r join fetch r.location"
            + " left join fetch r.lines l left join fetch l.movement m left join fetch m.product";

    @Inject
    @Stockroom
    EntityManager em;

    @Override
    public Optional<PurchaseOrder> findByNumber(String number) {
        return findByNumber(number, LockModeType.NONE);
    }

    @Override
    public Optional<PurchaseOrder> findByNumberForUpdate(String number) {
        // PESSIMISTIC_WRITE is FOR NO KEY UPDATE in Hibernate's PostgreSQL dialect. No join here:
        // the lines are read after the lock is granted, so they are the ones the lock holder committed.
        return findByNumber(number, LockModeType.PESSIMISTIC_WRITE);
    }

    private Optional<PurchaseOrder> findByNumber(String number, LockModeType lock) {
        return em.createQuery("select o from PurchaseOrder o where o.number = :number", PurchaseOrder.class)
                .setParameter("number", number)
                .setLockMode(lock)
                .getResultList().stream()
                .findFirst();
    }

    @Override
    public boolean existsByNumber(String number) {
        return !em.createQuery("select 1 from PurchaseOrder o where o.number = :number", Integer.class)
                .setParameter("number", number).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public void add(PurchaseOrder order) {
        em.persist(order);
    }

    @Override
    public void addReceipt(PurchaseReceipt receipt) {
        em.persist(receipt);
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public List<PurchaseOrder> search(PurchaseOrderQuery query, Long beforeId, int limit) {
        List<String> conditions = new ArrayList<>();
        if (query.status() != null) {
            conditions.add("o.status = :status");
        }
        if (query.supplier() != null) {
            conditions.add("lower(o.supplier) like :supplier escape '\\'");
        }
        if (beforeId != null) {
            conditions.add("o.id < :beforeId");
        }
        String jpql = "select o from PurchaseOrder o"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions)) + " order by o.id desc";
        TypedQuery<PurchaseOrder> select = em.createQuery(jpql, PurchaseOrder.class).setMaxResults(limit);
        if (query.status() != null) {
            select.setParameter("status", query.status());
        }
        if (query.supplier() != null) {
            select.setParameter("supplier", "%" + likeEscaped(query.supplier().toLowerCase(Locale.ROOT)) + "%");
        }
        if (beforeId != null) {
            select.setParameter("beforeId", beforeId);
        }
        return select.getResultList();
    }

    @Override
    public List<PurchaseReceipt> receiptsOf(PurchaseOrder order) {
        return em.createQuery(SELECT_RECEIPTS + " where r.order = :order order by r.id", PurchaseReceipt.class)
                .setParameter("order", order)
                .getResultList();
    }

    @Override
    public Optional<PurchaseReceipt> findReceipt(PurchaseOrder order, long id) {
        return em.createQuery(SELECT_RECEIPTS + " where r.order = :order and r.id = :id", PurchaseReceipt.class)
                .setParameter("order", order)
                .setParameter("id", id)
                .getResultList().stream()
                .findFirst();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
