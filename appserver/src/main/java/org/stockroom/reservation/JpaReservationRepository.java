package org.stockroom.reservation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import org.stockroom.persistence.Stockroom;
import org.stockroom.stock.StockLevel;
import org.stockroom.stock.StockLevelId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaReservationRepository implements ReservationRepository {

    // With its product and location: views are made after the transaction.
    private static final String SELECT = "select r from Reservation r join fetch r.product p join fetch r.location l";

    @Inject
    @Stockroom
    EntityManager em;

    @Override
    public void add(Reservation reservation) {
        em.persist(reservation);
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public Optional<Reservation> find(long id) {
        return em.createQuery(SELECT + " where r.id = :id", Reservation.class)
                .setParameter("id", id)
                .getResultList().stream()
                .findFirst();
    }

    @Override
    public Optional<ReservationKey> keyOf(long id) {
        return em.createQuery("select new org.stockroom.reservation.ReservationKey(p.sku, l.code, r.reference)"
                        + " from Reservation r join r.product p join r.location l where r.id = :id", ReservationKey.class)
                .setParameter("id", id)
                .getResultList().stream()
                .findFirst();
    }

    @Override
    public Optional<Reservation> lock(long id) {
        return Optional.ofNullable(em.find(Reservation.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Instant databaseNow() {
        // Microseconds since the epoch: no driver-specific timestamp type to convert.
        Number micros = (Number) em.createNativeQuery("select cast(extract(epoch from now()) * 1000000 as bigint)")
                .getSingleResult();
        long value = micros.longValue();
        return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
    }

    @Override
    public List<Long> lockExpired(StockLevel level) {
        // now(), the transaction's time: the one V17's trigger checks an expiry against.
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select id from reservation where product_id = :product"
                        + " and location_id = :location and status = 'OPEN' and expires_at <= now()"
                        + " order by id for update")
                .setParameter("product", level.product().id())
                .setParameter("location", level.location().id())
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    @Override
    public List<Reservation> lockOpenNewestFirst(StockLevel level) {
        return em.createQuery("select r from Reservation r where r.product = :product and r.location = :location"
                        + " and r.status = :open order by r.id desc", Reservation.class)
                .setParameter("product", level.product())
                .setParameter("location", level.location())
                .setParameter("open", ReservationStatus.OPEN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    @Override
    public List<StockLevelId> levelsWithExpired(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct product_id, location_id from reservation"
                        + " where status = 'OPEN' and expires_at <= now() limit :limit")
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> new StockLevelId(((Number) row[0]).longValue(), ((Number) row[1]).longValue()))
                .toList();
    }

    @Override
    public List<Reservation> search(ReservationQuery query, Long beforeId, int limit, Instant now) {
        List<String> conditions = new ArrayList<>();
        if (query.sku() != null) {
            conditions.add("p.sku = :sku");
        }
        if (query.locationCode() != null) {
            conditions.add("l.code = :location");
        }
        if (query.reference() != null) {
            conditions.add("r.reference = :reference");
        }
        if (query.status() == ReservationStatus.OPEN) {
            conditions.add("r.status = :open and r.expiresAt > :now");
        } else if (query.status() == ReservationStatus.EXPIRED) {
            conditions.add("(r.status = :expired or (r.status = :open and r.expiresAt <= :now))");
        } else if (query.status() != null) {
            conditions.add("r.status = :status");
        }
        if (beforeId != null) {
            conditions.add("r.id < :beforeId");
        }
        String jpql = SELECT + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by r.id desc";
        TypedQuery<Reservation> select = em.createQuery(jpql, Reservation.class).setMaxResults(limit);
        if (query.sku() != null) {
            select.setParameter("sku", query.sku());
        }
        if (query.locationCode() != null) {
            select.setParameter("location", query.locationCode());
        }
        if (query.reference() != null) {
            select.setParameter("reference", query.reference());
        }
        if (query.status() == ReservationStatus.OPEN || query.status() == ReservationStatus.EXPIRED) {
            select.setParameter("open", ReservationStatus.OPEN).setParameter("now", now);
            if (query.status() == ReservationStatus.EXPIRED) {
                select.setParameter("expired", ReservationStatus.EXPIRED);
            }
        } else if (query.status() != null) {
            select.setParameter("status", query.status());
        }
        if (beforeId != null) {
            select.setParameter("beforeId", beforeId);
        }
        return select.getResultList();
    }
}
