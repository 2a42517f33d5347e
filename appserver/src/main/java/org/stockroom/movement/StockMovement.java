package org.stockroom.movement;

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
import org.stockroom.location.Location;
import org.stockroom.product.Product;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One line of the append-only ledger. Nothing in it is ever updated (every column is
 * {@code updatable = false}, and the database refuses UPDATE and DELETE): mistakes are
 * corrected by a new ADJUST.
 */
@Entity
@Table(name = "stock_movement")
public class StockMovement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "movement_type", nullable = false, updatable = false)
    private MovementType type;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id", nullable = false, updatable = false)
    private Product product;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "from_location_id", updatable = false)
    private Location from;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "to_location_id", updatable = false)
    private Location to;

    @Column(name = "quantity", nullable = false, updatable = false)
    private int quantity;

    @Column(name = "reason", updatable = false)
    private String reason;

    @Column(name = "reference", updatable = false)
    private String reference;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    /** The user who recorded it; null only on lines from before authentication was enforced. */
    @Column(name = "recorded_by", updatable = false)
    private String recordedBy;

    protected StockMovement() {
        // for JPA
    }

    StockMovement(MovementType type, Product product, Location from, Location to, int quantity,
                  String reason, String reference, String recordedBy) {
        this.type = type;
        this.product = product;
        this.from = from;
        this.to = to;
        this.quantity = quantity;
        this.reason = reason;
        this.reference = reference;
        this.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        this.recordedBy = Objects.requireNonNull(recordedBy, "recordedBy");
    }

    public Long id() {
        return id;
    }

    public MovementType type() {
        return type;
    }

    public Product product() {
        return product;
    }

    public Location from() {
        return from;
    }

    public Location to() {
        return to;
    }

    public int quantity() {
        return quantity;
    }

    public String reason() {
        return reason;
    }

    public String reference() {
        return reference;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
