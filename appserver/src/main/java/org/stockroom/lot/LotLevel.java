package org.stockroom.lot;

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

/**
 * How much of one lot one location holds. Read-only here: the database keeps it from the lots
 * of each movement ({@code stock_movement_lot}) and refuses any other write; it never goes
 * below zero, and a lot-tracked product's lot levels at a location add up to its stock level.
 */
@Entity
@Table(name = "stock_lot_level")
public class LotLevel {

    @EmbeddedId
    private LotLevelId id;

    @MapsId("lotId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lot_id", insertable = false, updatable = false)
    private Lot lot;

    @MapsId("locationId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "location_id", insertable = false, updatable = false)
    private Location location;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id", insertable = false, updatable = false)
    private Product product;

    @Column(name = "on_hand", nullable = false, insertable = false, updatable = false)
    private BigDecimal onHand;

    protected LotLevel() {
        // for JPA; the database writes lot levels
    }

    public Lot lot() {
        return lot;
    }

    public Location location() {
        return location;
    }

    public BigDecimal onHand() {
        return onHand;
    }
}
