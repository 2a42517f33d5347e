package org.stockroom.purchasing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.stockroom.movement.StockMovement;

import java.math.BigDecimal;

/** What one delivery brought of one order line: the RECEIVE movement it wrote. Never changed. */
@Entity
@Table(name = "purchase_receipt_line")
public class PurchaseReceiptLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "purchase_receipt_id", nullable = false, updatable = false)
    private PurchaseReceipt receipt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "purchase_order_line_id", nullable = false, updatable = false)
    private PurchaseOrderLine orderLine;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "movement_id", nullable = false, updatable = false)
    private StockMovement movement;

    @Column(name = "quantity", nullable = false, updatable = false)
    private BigDecimal quantity;

    protected PurchaseReceiptLine() {
        // for JPA
    }

    PurchaseReceiptLine(PurchaseReceipt receipt, PurchaseOrderLine orderLine, StockMovement movement) {
        this.receipt = receipt;
        this.orderLine = orderLine;
        this.movement = movement;
        this.quantity = movement.quantity();
    }

    public Long id() {
        return id;
    }

    public PurchaseOrderLine orderLine() {
        return orderLine;
    }

    public StockMovement movement() {
        return movement;
    }

    public BigDecimal quantity() {
        return quantity;
    }
}
