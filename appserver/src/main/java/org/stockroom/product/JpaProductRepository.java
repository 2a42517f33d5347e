package org.stockroom.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.stockroom.persistence.Stockroom;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class JpaProductRepository implements ProductRepository {

    @Inject
    @Stockroom
    EntityManager em;

    @Override
    public Optional<Product> findBySku(String sku) {
        return findBySku(sku, LockModeType.NONE);
    }

    @Override
    public Optional<Product> findBySkuForUpdate(String sku) {
        // Hibernate's PostgreSQL dialect writes PESSIMISTIC_WRITE as FOR NO KEY UPDATE (see the
        // captured SQL in docs/benchmarks.md): the lock a movement needs, since its level change
        // updates this row (product.on_hand, by trigger), and one that lets foreign keys through.
        return findBySku(sku, LockModeType.PESSIMISTIC_WRITE);
    }

    private Optional<Product> findBySku(String sku, LockModeType lock) {
        return em.createQuery("select p from Product p where p.sku = :sku", Product.class)
                .setParameter("sku", sku)
                .setLockMode(lock)
                .getResultList().stream()
                .findFirst();
    }

    @Override
    public boolean hasMovementsFinerThan(Product product, int decimalPlaces) {
        // The ledger is the movement feature's; this asks it in SQL rather than depend on that package.
        return !em.createNativeQuery("select 1 from stock_movement"
                        + " where product_id = ?1 and quantity <> round(quantity, ?2) limit 1")
                .setParameter(1, product.id())
                .setParameter(2, decimalPlaces)
                .getResultList()
                .isEmpty();
    }

    @Override
    public boolean existsBySku(String sku) {
        return !em.createQuery("select p.id from Product p where p.sku = :sku", Long.class)
                .setParameter("sku", sku)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public void add(Product product) {
        em.persist(product);
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public List<Product> search(ProductQuery query, String afterSku, int limit) {
        List<String> conditions = new ArrayList<>();
        if (!query.includeArchived()) {
            conditions.add("p.archived = false");
        }
        if (afterSku != null) {
            conditions.add("p.sku > :afterSku");
        }
        if (query.text() != null) {
            conditions.add("(lower(p.sku) like :text escape '\\' or lower(p.name) like :text escape '\\')");
        }
        if (query.category() != null) {
            conditions.add("p.category = :category");
        }
        if (query.belowReorder()) {
            conditions.add("p.onHand < p.reorderPoint");
        }
        String jpql = "select p from Product p"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by p.sku";
        TypedQuery<Product> select = em.createQuery(jpql, Product.class).setMaxResults(limit);
        if (afterSku != null) {
            select.setParameter("afterSku", afterSku);
        }
        if (query.text() != null) {
            select.setParameter("text", "%" + escapeLike(query.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.category() != null) {
            select.setParameter("category", query.category());
        }
        return select.getResultList();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
