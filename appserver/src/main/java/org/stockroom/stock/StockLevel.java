package org.stockroom.stock;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import org.stockroom.location.Location;
import org.stockroom.product.Product;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How much of one product one location holds, and how much of that is reserved. On hand changes
 * only together with a ledger movement, in the same transaction; the database checks at commit
 * that it still equals the sum of the ledger. Reserved is what the OPEN reservations there still
 * hold (checked at commit against them, V17); available = on hand - reserved, never negative.
 * Stock leaves a level either as available stock ({@link #remove}) or out of a reservation
 * ({@link #removeReserved}).
 */
@Entity
@Table(name = "stock_level")
public class StockLevel {

    @EmbeddedId
    private StockLevelId id;

    @MapsId("productId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    private Product product;

    @MapsId("locationId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "location_id")
    private Location location;

    @Column(name = "on_hand", nullable = false)
    private BigDecimal onHand = BigDecimal.ZERO;

    @Column(name = "reserved", nullable = false)
    private BigDecimal reserved = BigDecimal.ZERO;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StockLevel() {
        // for JPA
    }

    public BigDecimal onHand() {
        return onHand;
    }

    public BigDecimal reserved() {
        return reserved;
    }

    /** What is on hand and not reserved: what a movement without a reservation, or a new reservation, may take. */
    public BigDecimal available() {
        return onHand.subtract(reserved);
    }

    public Product product() {
        return product;
    }

    public Location location() {
        return location;
    }

    /** Adds received or transferred-in stock. */
    public void add(Quantity quantity) {
        onHand = onHand.add(quantity.value());
        touch();
    }

    /**
     * Takes available stock out; refuses to take more than there is (insufficient stock) or to
     * take reserved stock (insufficient available, when reservations hold part of what is on hand).
     */
    public void remove(Quantity quantity) {
        requireAvailable(quantity);
        onHand = onHand.subtract(quantity.value());
        touch();
    }

    /** Holds {@code quantity} of the available stock for a reservation. */
    public void reserve(Quantity quantity) {
        requireAvailable(quantity);
        reserved = reserved.add(quantity.value());
        touch();
    }

    /** Stops holding {@code quantity} for a reservation (released, expired or shortened): it is available again. */
    public void unreserve(BigDecimal quantity) {
        if (quantity.signum() < 0 || quantity.compareTo(reserved) > 0) {
            throw new IllegalArgumentException("cannot unreserve " + quantity.toPlainString() + " of "
                    + reserved.toPlainString() + " reserved");
        }
        reserved = reserved.subtract(quantity);
        touch();
    }

    /** Takes reserved stock out, as an issue against a reservation that held it does. */
    public void removeReserved(Quantity quantity) {
        if (quantity.value().compareTo(reserved) > 0) {
            throw new IllegalArgumentException("cannot issue " + quantity.value().toPlainString() + " out of "
                    + reserved.toPlainString() + " reserved");
        }
        reserved = reserved.subtract(quantity.value());
        onHand = onHand.subtract(quantity.value());
        touch();
    }

    private void requireAvailable(Quantity quantity) {
        if (quantity.value().compareTo(available()) <= 0) {
            return;
        }
        if (reserved.signum() == 0) {
            throw new InsufficientStockException(product.sku(), location.code(), product.inItsUnit(onHand),
                    product.inItsUnit(quantity.value()));
        }
        throw new InsufficientAvailableException(product.sku(), location.code(), product.inItsUnit(onHand),
                product.inItsUnit(reserved), product.inItsUnit(quantity.value()));
    }

    private void touch() {
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
