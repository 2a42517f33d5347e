package org.stockroom.reservation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.stockroom.location.Location;
import org.stockroom.product.Product;
import org.stockroom.stock.Quantity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Stock of one product held at one location for a reference (an order number), so that nothing
 * else takes it: the level's available stock (on hand - reserved) excludes it.
 *
 * <p>The rules: a reservation holds a positive quantity in its product's unit, of a product that
 * takes stock, until an expiry in the future (at most {@link #LONGEST} ahead). While OPEN it holds
 * its remaining quantity: ISSUEs that name it take from it ({@link #draw}) and it is CONSUMED when
 * nothing remains; a clerk may release it ({@link #release}); once its expiry has passed it holds
 * nothing, whether or not the sweep has marked it EXPIRED yet ({@link #statusAt}). A closed
 * reservation never changes again. The database checks each of these again (V17).
 */
@Entity
@Table(name = "reservation")
public class Reservation {

    /** The furthest ahead a reservation may expire. */
    public static final Duration LONGEST = Duration.ofDays(366);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id", nullable = false, updatable = false)
    private Product product;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "location_id", nullable = false, updatable = false)
    private Location location;

    @Column(name = "reference", nullable = false, updatable = false)
    private String reference;

    @Column(name = "quantity", nullable = false, updatable = false)
    private BigDecimal quantity;

    @Column(name = "remaining", nullable = false)
    private BigDecimal remaining;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ReservationStatus status;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Reservation() {
        // for JPA
    }

    /**
     * A new OPEN reservation of {@code quantity} holding all of it until {@code expiresAt}; whether
     * that much is available is the stock level's to decide ({@code StockLevel.reserve}).
     */
    public Reservation(Product product, Location location, String reference, BigDecimal quantity, Instant expiresAt,
                       String createdBy, Instant now) {
        this.product = Objects.requireNonNull(product, "product");
        this.location = Objects.requireNonNull(location, "location");
        if (reference == null || reference.isBlank()) {
            throw new InvalidReservationException("reference", "must not be blank");
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw new InvalidReservationException("quantity", "must be greater than 0");
        }
        product.requireCountable("quantity", quantity);
        product.requireAcceptsStock();
        Instant created = now.truncatedTo(ChronoUnit.MICROS);
        Instant expiry = Objects.requireNonNull(expiresAt, "expiresAt").truncatedTo(ChronoUnit.MICROS);
        if (!expiry.isAfter(created)) {
            throw new InvalidReservationException("expiresAt", "must be in the future");
        }
        if (expiry.isAfter(created.plus(LONGEST))) {
            throw new InvalidReservationException("expiresAt", "must be at most " + LONGEST.toDays() + " days ahead");
        }
        this.reference = reference.strip();
        this.quantity = quantity;
        this.remaining = quantity;
        this.status = ReservationStatus.OPEN;
        this.expiresAt = expiry;
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = created;
    }

    /** The quantity as a movement moves it. */
    public Quantity held() {
        return Quantity.of(remaining);
    }

    /** Whether it is OPEN in the table but its expiry has passed: it holds nothing any more. */
    public boolean isExpiredAt(Instant now) {
        return status == ReservationStatus.OPEN && !now.isBefore(expiresAt);
    }

    /** Its status as clients see it: an OPEN reservation past its expiry is EXPIRED, swept or not. */
    public ReservationStatus statusAt(Instant now) {
        return isExpiredAt(now) ? ReservationStatus.EXPIRED : status;
    }

    /** What it still holds as clients see it: nothing once it has expired. */
    public BigDecimal remainingAt(Instant now) {
        return isExpiredAt(now) ? BigDecimal.ZERO : remaining;
    }

    /**
     * An ISSUE takes {@code taken} out of it: at most what it holds, while it is OPEN and not past
     * its expiry. It is CONSUMED when nothing remains.
     */
    public void draw(Quantity taken, Instant now) {
        requireOpen(now);
        if (taken.value().compareTo(remaining) > 0) {
            throw new ReservationExceededException(id, product.inItsUnit(remaining), product.inItsUnit(taken.value()));
        }
        remaining = remaining.subtract(taken.value());
        if (remaining.signum() == 0) {
            close(ReservationStatus.CONSUMED, now);
        }
    }

    /** Releases what it still holds and returns that quantity; only while OPEN and not past its expiry. */
    public BigDecimal release(Instant now) {
        requireOpen(now);
        BigDecimal released = remaining;
        remaining = BigDecimal.ZERO;
        close(ReservationStatus.RELEASED, now);
        return released;
    }

    /**
     * Holds {@code by} less, as a stocktake that found less on hand than was reserved asks: it is
     * RELEASED when nothing remains.
     */
    public void shorten(BigDecimal by, Instant now) {
        if (status != ReservationStatus.OPEN || by.signum() <= 0 || by.compareTo(remaining) > 0) {
            throw new IllegalArgumentException("reservation " + id + " (" + status + ", holding "
                    + remaining.toPlainString() + ") cannot be shortened by " + by.toPlainString());
        }
        remaining = remaining.subtract(by);
        if (remaining.signum() == 0) {
            close(ReservationStatus.RELEASED, now);
        }
    }

    /** Marks an OPEN reservation past its expiry EXPIRED and returns what it held, which is available again. */
    public BigDecimal expire(Instant now) {
        if (!isExpiredAt(now)) {
            throw new IllegalStateException("reservation " + id + " is " + status + " until " + expiresAt
                    + " and does not expire at " + now);
        }
        BigDecimal held = remaining;
        remaining = BigDecimal.ZERO;
        close(ReservationStatus.EXPIRED, now);
        return held;
    }

    private void requireOpen(Instant now) {
        if (status != ReservationStatus.OPEN || isExpiredAt(now)) {
            throw new ReservationClosedException(id, statusAt(now));
        }
    }

    private void close(ReservationStatus closedAs, Instant now) {
        status = closedAs;
        closedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public Long id() {
        return id;
    }

    public Product product() {
        return product;
    }

    public Location location() {
        return location;
    }

    public String reference() {
        return reference;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public BigDecimal remaining() {
        return remaining;
    }

    public ReservationStatus status() {
        return status;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public long version() {
        return version;
    }
}
