package org.stockroom.movement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.stockroom.lot.Lot;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How much of one lot a movement moved (a row of {@code stock_movement_lot}): signed like the
 * movement's quantity, so positive but for a negative ADJUST. Part of its ledger line, written
 * with it and as unchangeable (the database refuses UPDATE and DELETE).
 */
@Entity
@Table(name = "stock_movement_lot")
@IdClass(MovedLot.Key.class)
public class MovedLot {

    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "movement_id", nullable = false, updatable = false)
    private StockMovement movement;

    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lot_id", nullable = false, updatable = false)
    private Lot lot;

    @Column(name = "quantity", nullable = false, updatable = false)
    private BigDecimal quantity;

    protected MovedLot() {
        // for JPA
    }

    MovedLot(StockMovement movement, Lot lot, BigDecimal quantity) {
        this.movement = Objects.requireNonNull(movement, "movement");
        this.lot = Objects.requireNonNull(lot, "lot");
        this.quantity = Objects.requireNonNull(quantity, "quantity");
    }

    public Lot lot() {
        return lot;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    /** A moved lot is identified by its movement and its lot. */
    public static class Key implements Serializable {

        private Long movement;
        private Long lot;

        protected Key() {
            // for JPA
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && Objects.equals(movement, that.movement) && Objects.equals(lot, that.lot);
        }

        @Override
        public int hashCode() {
            return Objects.hash(movement, lot);
        }
    }
}
