package org.stockroom.stocktake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.stockroom.product.Product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One counted product of a stocktake: what the clerk counted, and what was on hand as they
 * entered it ({@link OnHandSnapshot}). Its difference is counted - expected; counting it again
 * takes a new snapshot. Posting sets the ADJUST movement that wrote a non-zero difference.
 */
@Entity
@Table(name = "stocktake_line")
public class StocktakeLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "stocktake_id", nullable = false, updatable = false)
    private Stocktake stocktake;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id", nullable = false, updatable = false)
    private Product product;

    @Column(name = "counted", nullable = false, precision = 20, scale = 6)
    private BigDecimal counted;

    @Column(name = "expected", nullable = false, precision = 20, scale = 6)
    private BigDecimal expected;

    @Column(name = "expected_after_movement")
    private Long expectedAfterMovement;

    @Column(name = "counted_by", nullable = false)
    private String countedBy;

    @Column(name = "counted_at", nullable = false)
    private Instant countedAt;

    @Column(name = "movement_id")
    private Long movement;

    protected StocktakeLine() {
        // for JPA
    }

    StocktakeLine(Stocktake stocktake, Product product) {
        this.stocktake = Objects.requireNonNull(stocktake, "stocktake");
        this.product = Objects.requireNonNull(product, "product");
    }

    /** Records a count against the level as it is now; a second count replaces the first, snapshot and all. */
    void count(BigDecimal counted, OnHandSnapshot onHand, String countedBy, Instant countedAt) {
        this.counted = Objects.requireNonNull(counted, "counted");
        this.expected = onHand.quantity();
        this.expectedAfterMovement = onHand.afterMovement();
        this.countedBy = Objects.requireNonNull(countedBy, "countedBy");
        this.countedAt = Objects.requireNonNull(countedAt, "countedAt");
    }

    /** Counted - expected: what posting adds (positive) or takes off (negative); 0 writes nothing. */
    public BigDecimal difference() {
        return counted.subtract(expected);
    }

    /** Whether posting writes a movement for this line. */
    public boolean differs() {
        return difference().signum() != 0;
    }

    /** Notes the ADJUST movement that posted this line's difference. */
    void postedAs(long movementId) {
        if (!differs()) {
            throw new IllegalStateException("a line without difference posts no movement");
        }
        this.movement = movementId;
    }

    public Long id() {
        return id;
    }

    public Stocktake stocktake() {
        return stocktake;
    }

    public Product product() {
        return product;
    }

    public String sku() {
        return product.sku();
    }

    public BigDecimal counted() {
        return counted;
    }

    public BigDecimal expected() {
        return expected;
    }

    /** The last movement the expected level includes; empty when the location had never held the product. */
    public Optional<Long> expectedAfterMovement() {
        return Optional.ofNullable(expectedAfterMovement);
    }

    public String countedBy() {
        return countedBy;
    }

    public Instant countedAt() {
        return countedAt;
    }

    /** The ADJUST that posted the difference; empty before posting and for a line without difference. */
    public Optional<Long> movement() {
        return Optional.ofNullable(movement);
    }
}
