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
import org.stockroom.product.Product;

import java.math.BigDecimal;

/**
 * What an order asks for of one product, and how much of it has arrived. The product and the
 * quantity ordered never change; the quantity received grows with each delivery
 * ({@link PurchaseOrder#receive}), and the database checks at commit that it is what the
 * order's receipts brought.
 */
@Entity
@Table(name = "purchase_order_line")
public class PurchaseOrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "purchase_order_id", nullable = false, updatable = false)
    private PurchaseOrder order;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id", nullable = false, updatable = false)
    private Product product;

    @Column(name = "quantity_ordered", nullable = false, updatable = false)
    private BigDecimal quantityOrdered;

    @Column(name = "quantity_received", nullable = false)
    private BigDecimal quantityReceived;

    // The order's switch, copied so that the database's CHECK on this row can see it.
    @Column(name = "allow_over_receipt", nullable = false, updatable = false)
    private boolean allowOverReceipt;

    protected PurchaseOrderLine() {
        // for JPA
    }

    PurchaseOrderLine(PurchaseOrder order, Product product, BigDecimal quantityOrdered, boolean allowOverReceipt) {
        this.order = order;
        this.product = product;
        this.quantityOrdered = quantityOrdered;
        this.quantityReceived = BigDecimal.ZERO;
        this.allowOverReceipt = allowOverReceipt;
    }

    /** What is still expected: ordered less received, never below zero; nothing once the order is closed. */
    public BigDecimal outstanding() {
        if (order.status() != PurchaseOrderStatus.OPEN) {
            return BigDecimal.ZERO;
        }
        return quantityOrdered.subtract(quantityReceived).max(BigDecimal.ZERO);
    }

    /** Whether everything ordered has arrived (or more, where the order allows it). */
    public boolean isFullyReceived() {
        return quantityReceived.compareTo(quantityOrdered) >= 0;
    }

    /** Refuses a delivery of {@code quantity} that would bring more than was ordered, unless the order allows it. */
    void requireReceivable(String number, BigDecimal quantity) {
        BigDecimal left = quantityOrdered.subtract(quantityReceived).max(BigDecimal.ZERO);
        if (!allowOverReceipt && quantity.compareTo(left) > 0) {
            throw new OverReceiptException(number, product.sku(), product.inItsUnit(quantityOrdered),
                    product.inItsUnit(quantityReceived), product.inItsUnit(left), product.inItsUnit(quantity));
        }
    }

    void receive(BigDecimal quantity) {
        quantityReceived = quantityReceived.add(quantity);
    }

    public Long id() {
        return id;
    }

    public PurchaseOrder order() {
        return order;
    }

    public Product product() {
        return product;
    }

    public BigDecimal quantityOrdered() {
        return quantityOrdered;
    }

    public BigDecimal quantityReceived() {
        return quantityReceived;
    }
}
