package org.stockroom.purchasing;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.stockroom.location.Location;
import org.stockroom.movement.StockMovement;
import org.stockroom.product.Product;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What was ordered from a supplier, one line per product, received in one or several deliveries.
 *
 * <p>The rules: an order has at least one line, one per SKU, each a positive quantity in the
 * product's unit of a product that takes stock; a delivery only into an OPEN order, of SKUs on
 * it, never more than is still outstanding unless the order allows over-receipt
 * ({@link #allowsOverReceipt}, chosen when it is created); it becomes RECEIVED when every line
 * has arrived in full; a manager may cancel an OPEN order, which keeps what arrived and expects
 * nothing more. The database checks each of these again.
 */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "number", nullable = false, updatable = false)
    private String number;

    @Column(name = "supplier", nullable = false, updatable = false)
    private String supplier;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private PurchaseOrderStatus status;

    @Column(name = "allow_over_receipt", nullable = false, updatable = false)
    private boolean allowOverReceipt;

    @Column(name = "expected_on", updatable = false)
    private LocalDate expectedOn;

    @Column(name = "note", updatable = false)
    private String note;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    // Every delivery and the cancel change it, so that each moves the version (the ETag).
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<PurchaseOrderLine> lines = new ArrayList<>();

    protected PurchaseOrder() {
        // for JPA
    }

    /** A new OPEN order of {@code ordered}, in that order of lines. */
    public PurchaseOrder(PurchaseOrderNumber number, String supplier, boolean allowOverReceipt, LocalDate expectedOn,
                         String note, String createdBy, List<OrderedQuantity> ordered) {
        this.number = Objects.requireNonNull(number, "number").value();
        this.supplier = Objects.requireNonNull(supplier, "supplier").strip();
        this.allowOverReceipt = allowOverReceipt;
        this.expectedOn = expectedOn;
        this.note = note;
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.status = PurchaseOrderStatus.OPEN;
        this.createdAt = now();
        this.updatedAt = createdAt;
        requireLines(ordered.size());
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < ordered.size(); i++) {
            Product product = ordered.get(i).product();
            BigDecimal quantity = ordered.get(i).quantity();
            if (!skus.add(product.sku())) {
                throw new InvalidPurchaseOrderException("lines/" + i + "/sku",
                        "is on an earlier line already: one line per SKU");
            }
            requirePositiveAndCountable(product, "lines/" + i + "/quantity", quantity);
            product.requireAcceptsStock();
            lines.add(new PurchaseOrderLine(this, product, quantity, allowOverReceipt));
        }
    }

    /**
     * The order's lines a delivery brings, checked against the order and in SKU order (the order
     * in which their products are then locked, as every delivery does, so two deliveries never
     * wait for each other's products): the order is OPEN, each SKU is on it and in the delivery
     * once, each quantity positive and in its unit, and none more than is outstanding unless the
     * order allows over-receipt.
     */
    public List<Arrival> arrivalsOf(List<DeliveredQuantity> delivered) {
        requireOpen();
        requireLines(delivered.size());
        List<Arrival> arrivals = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < delivered.size(); i++) {
            String sku = delivered.get(i).sku();
            int index = i;
            PurchaseOrderLine line = lineOf(sku).orElseThrow(() -> new InvalidPurchaseOrderException(
                    "lines/" + index + "/sku", "is not on purchase order " + number));
            if (!skus.add(sku)) {
                throw new InvalidPurchaseOrderException("lines/" + i + "/sku",
                        "is on an earlier line already: one line per SKU");
            }
            requirePositiveAndCountable(line.product(), "lines/" + i + "/quantity", delivered.get(i).quantity());
            arrivals.add(new Arrival(line, delivered.get(i).quantity()));
        }
        arrivals.forEach(arrival -> arrival.line().requireReceivable(number, arrival.quantity()));
        arrivals.sort(Comparator.comparing(Arrival::sku));
        return arrivals;
    }

    /**
     * Takes in a delivery whose arrivals ({@link #arrivalsOf}) have each been recorded as a RECEIVE
     * movement: the lines count them as received, the order becomes RECEIVED once every line has
     * arrived in full, and the delivery's record is returned, to be kept.
     */
    public PurchaseReceipt receive(Location location, Map<Arrival, StockMovement> recorded, String receivedBy,
                                   String reference) {
        requireOpen();
        requireLines(recorded.size());
        PurchaseReceipt receipt = new PurchaseReceipt(this, location, receivedBy, reference);
        recorded.forEach((arrival, movement) -> {
            PurchaseOrderLine line = arrival.line();
            if (line.order() != this || movement.product() != line.product()
                    || movement.quantity().compareTo(arrival.quantity()) != 0) {
                throw new IllegalArgumentException("movement " + movement.id() + " is not the arrival of "
                        + arrival.quantity() + " " + arrival.sku() + " on " + number);
            }
            line.requireReceivable(number, arrival.quantity());
            line.receive(arrival.quantity());
            receipt.add(line, movement);
        });
        if (lines.stream().allMatch(PurchaseOrderLine::isFullyReceived)) {
            status = PurchaseOrderStatus.RECEIVED;
        }
        updatedAt = now();
        return receipt;
    }

    /** Closes an OPEN order: what arrived stays received, the rest is no longer expected. */
    public void cancel() {
        requireOpen();
        status = PurchaseOrderStatus.CANCELLED;
        updatedAt = now();
    }

    private Optional<PurchaseOrderLine> lineOf(String sku) {
        return lines.stream().filter(line -> line.product().sku().equals(sku)).findFirst();
    }

    private void requireOpen() {
        if (status != PurchaseOrderStatus.OPEN) {
            throw new PurchaseOrderClosedException(number, status);
        }
    }

    private static void requireLines(int count) {
        if (count == 0) {
            throw new InvalidPurchaseOrderException("lines", "must have at least one line");
        }
    }

    private static void requirePositiveAndCountable(Product product, String field, BigDecimal quantity) {
        if (quantity == null || quantity.signum() <= 0) {
            throw new InvalidPurchaseOrderException(field, "must be greater than 0");
        }
        product.requireCountable(field, quantity);
    }

    // PostgreSQL keeps microseconds: truncate so that what we answer equals what a later read returns.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public Long id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String supplier() {
        return supplier;
    }

    public PurchaseOrderStatus status() {
        return status;
    }

    public boolean allowsOverReceipt() {
        return allowOverReceipt;
    }

    public LocalDate expectedOn() {
        return expectedOn;
    }

    public String note() {
        return note;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public List<PurchaseOrderLine> lines() {
        return List.copyOf(lines);
    }
}
