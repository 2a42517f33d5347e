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
 * How much of one product one location holds. It changes only together with a ledger
 * movement, in the same transaction; the database checks at commit that it still equals
 * the sum of the ledger.
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

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StockLevel() {
        // for JPA
    }

    public BigDecimal onHand() {
        return onHand;
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

    /** Takes stock out; refuses to take more than there is. */
    public void remove(Quantity quantity) {
        if (quantity.value().compareTo(onHand) > 0) {
            throw new InsufficientStockException(product.sku(), location.code(), product.inItsUnit(onHand),
                    product.inItsUnit(quantity.value()));
        }
        onHand = onHand.subtract(quantity.value());
        touch();
    }

    private void touch() {
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
