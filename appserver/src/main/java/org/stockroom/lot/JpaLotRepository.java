package org.stockroom.lot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.stockroom.location.Location;
import org.stockroom.persistence.Stockroom;
import org.stockroom.product.Product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaLotRepository implements LotRepository {

    /** Where lots that do not expire sort in the stock-by-lot report: after every date. */
    private static final LocalDate NEVER = LocalDate.of(9999, 12, 31);

    private static final String REPORT = "select p, loc.code, l, ll.onHand"
            + " from LotLevel ll join ll.lot l join l.product p join ll.location loc";

    @Inject
    @Stockroom
    EntityManager em;

    @Override
    public Optional<Lot> find(Product product, LotNumber number) {
        return em.createQuery("select l from Lot l where l.product = :product and l.number = :number", Lot.class)
                .setParameter("product", product)
                .setParameter("number", number.value())
                .getResultList().stream()
                .findFirst();
    }

    @Override
    public void add(Lot lot) {
        em.persist(lot);
        em.flush();
    }

    @Override
    public List<LotStock> heldAt(Product product, Location location) {
        return em.createQuery("select ll from LotLevel ll join fetch ll.lot"
                        + " where ll.product = :product and ll.location = :location and ll.onHand > 0", LotLevel.class)
                .setParameter("product", product)
                .setParameter("location", location)
                .getResultList().stream()
                .map(level -> new LotStock(level.lot(), level.onHand()))
                .toList();
    }

    @Override
    public BigDecimal onHand(Lot lot, Location location) {
        return em.createQuery("select ll.onHand from LotLevel ll where ll.lot = :lot and ll.location = :location",
                        BigDecimal.class)
                .setParameter("lot", lot)
                .setParameter("location", location)
                .getResultList().stream()
                .findFirst()
                .orElse(BigDecimal.ZERO);
    }

    @Override
    public List<LotLevelView> levels(LotQuery query, LotLevelKey after, LocalDate today, int limit) {
        List<String> conditions = new ArrayList<>(List.of("ll.onHand > 0"));
        if (query.sku() != null) {
            conditions.add("p.sku = :sku");
        }
        if (query.locationCode() != null) {
            conditions.add("loc.code = :location");
        }
        String expiry = "coalesce(l.expiresOn, :never)";
        if (after != null) {
            conditions.add("(p.sku > :afterSku or (p.sku = :afterSku and (loc.code > :afterLocation"
                    + " or (loc.code = :afterLocation and (" + expiry + " > :afterExpiry"
                    + " or (" + expiry + " = :afterExpiry and l.number > :afterLot))))))");
        }
        TypedQuery<Object[]> select = em.createQuery(REPORT + " where " + String.join(" and ", conditions)
                        + " order by p.sku, loc.code, " + expiry + ", l.number", Object[].class)
                .setParameter("never", NEVER)
                .setMaxResults(limit);
        if (query.sku() != null) {
            select.setParameter("sku", query.sku());
        }
        if (query.locationCode() != null) {
            select.setParameter("location", query.locationCode());
        }
        if (after != null) {
            select.setParameter("afterSku", after.sku())
                    .setParameter("afterLocation", after.location())
                    .setParameter("afterExpiry", after.expiresOn() == null ? NEVER : after.expiresOn())
                    .setParameter("afterLot", after.lot());
        }
        return select.getResultList().stream()
                .map(row -> LotLevelView.of((Product) row[0], (String) row[1], (Lot) row[2], (BigDecimal) row[3], today))
                .toList();
    }

    @Override
    public List<ExpiringLotView> expiring(LocalDate until, String locationCode, LocalDate today, ExpiringLotKey after,
                                          int limit) {
        List<String> conditions = new ArrayList<>(List.of("ll.onHand > 0", "l.expiresOn <= :until"));
        if (locationCode != null) {
            conditions.add("loc.code = :location");
        }
        if (after != null) {
            conditions.add("(l.expiresOn > :afterExpiry or (l.expiresOn = :afterExpiry and (p.sku > :afterSku"
                    + " or (p.sku = :afterSku and (l.number > :afterLot"
                    + " or (l.number = :afterLot and loc.code > :afterLocation))))))");
        }
        TypedQuery<Object[]> select = em.createQuery(REPORT + " where " + String.join(" and ", conditions)
                        + " order by l.expiresOn, p.sku, l.number, loc.code", Object[].class)
                .setParameter("until", until)
                .setMaxResults(limit);
        if (locationCode != null) {
            select.setParameter("location", locationCode);
        }
        if (after != null) {
            select.setParameter("afterExpiry", after.expiresOn())
                    .setParameter("afterSku", after.sku())
                    .setParameter("afterLot", after.lot())
                    .setParameter("afterLocation", after.location());
        }
        return select.getResultList().stream()
                .map(row -> ExpiringLotView.of((Product) row[0], (String) row[1], (Lot) row[2], (BigDecimal) row[3],
                        today))
                .toList();
    }
}
