package org.stockroom.purchasing;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.stockroom.location.Location;
import org.stockroom.movement.StockMovement;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One delivery against a purchase order, into one location: a record, never changed. Each of its
 * lines is the RECEIVE movement it wrote into the ledger. Made by {@link PurchaseOrder#receive}.
 */
@Entity
@Table(name = "purchase_receipt")
public class PurchaseReceipt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "purchase_order_id", nullable = false, updatable = false)
    private PurchaseOrder order;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "location_id", nullable = false, updatable = false)
    private Location location;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "received_by", nullable = false, updatable = false)
    private String receivedBy;

    @Column(name = "reference", updatable = false)
    private String reference;

    @OneToMany(mappedBy = "receipt", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<PurchaseReceiptLine> lines = new ArrayList<>();

    protected PurchaseReceipt() {
        // for JPA
    }

    PurchaseReceipt(PurchaseOrder order, Location location, String receivedBy, String reference) {
        this.order = order;
        this.location = location;
        this.receivedBy = receivedBy;
        this.reference = reference;
        this.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    void add(PurchaseOrderLine orderLine, StockMovement movement) {
        lines.add(new PurchaseReceiptLine(this, orderLine, movement));
    }

    public Long id() {
        return id;
    }

    public PurchaseOrder order() {
        return order;
    }

    public Location location() {
        return location;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String receivedBy() {
        return receivedBy;
    }

    public String reference() {
        return reference;
    }

    public List<PurchaseReceiptLine> lines() {
        return List.copyOf(lines);
    }
}
