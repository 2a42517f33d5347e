package org.stockroom.movement;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.stockroom.location.Location;
import org.stockroom.lot.LotQuantity;
import org.stockroom.product.Product;
import org.stockroom.stock.Quantity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the append-only ledger. Nothing in it is ever updated (every column is
 * {@code updatable = false}, and the database refuses UPDATE and DELETE): mistakes are
 * corrected by a new ADJUST.
 *
 * <p>A movement is made by one factory per type ({@link #receipt}, {@link #issue},
 * {@link #transfer}, {@link #adjustment}), which refuses one without its type's shape
 * ({@link InvalidMovementException}) or that brings stock to an archived product.
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
    private BigDecimal quantity;

    @Column(name = "reason", updatable = false)
    private String reason;

    @Column(name = "reference", updatable = false)
    private String reference;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    /** The user who recorded it; null only on lines from before authentication was enforced. */
    @Column(name = "recorded_by", updatable = false)
    private String recordedBy;

    /** The reservation an ISSUE took its stock out of; null for any other movement. */
    @Column(name = "reservation_id", updatable = false)
    private Long reservationId;

    /** The lots a lot-tracked product's movement moved; empty for any other. Written with the movement, never after. */
    @OneToMany(mappedBy = "movement", cascade = CascadeType.PERSIST)
    private List<MovedLot> lots = new ArrayList<>();

    protected StockMovement() {
        // for JPA
    }

    private StockMovement(MovementType type, Product product, Location from, Location to, BigDecimal quantity,
                          String reason, String reference, String recordedBy) {
        type.requireShape(quantity, codeOf(from), codeOf(to), reason);
        product.requireCountable("quantity", quantity);
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

    /** Stock arrives from outside into {@code to}; refused for an archived product. */
    public static StockMovement receipt(Product product, Location to, BigDecimal quantity,
                                        String reason, String reference, String recordedBy) {
        StockMovement receipt = new StockMovement(MovementType.RECEIVE, product, null, to, quantity, reason, reference,
                recordedBy);
        product.requireAcceptsStock();
        return receipt;
    }

    /** Stock leaves {@code from} for outside. */
    public static StockMovement issue(Product product, Location from, BigDecimal quantity,
                                      String reason, String reference, String recordedBy) {
        return new StockMovement(MovementType.ISSUE, product, from, null, quantity, reason, reference, recordedBy);
    }

    /** Stock moves from {@code from} to another location {@code to}. */
    public static StockMovement transfer(Product product, Location from, Location to, BigDecimal quantity,
                                         String reason, String reference, String recordedBy) {
        return new StockMovement(MovementType.TRANSFER, product, from, to, quantity, reason, reference, recordedBy);
    }

    /**
     * A signed correction, with a reason, at exactly one location, named in {@code to} or
     * {@code from} (the other null); a positive one is refused for an archived product.
     */
    public static StockMovement adjustment(Product product, Location from, Location to, BigDecimal quantity,
                                           String reason, String reference, String recordedBy) {
        StockMovement adjustment = new StockMovement(MovementType.ADJUST, product, from, to, quantity, reason,
                reference, recordedBy);
        if (quantity.signum() > 0) {
            product.requireAcceptsStock();
        }
        return adjustment;
    }

    /** The location stock leaves: an issue's or transfer's {@code from}, a negative adjustment's location. */
    public Optional<Location> source() {
        return switch (type) {
            case ISSUE, TRANSFER -> Optional.of(from);
            case ADJUST -> quantity.signum() < 0 ? Optional.of(adjusted()) : Optional.empty();
            case RECEIVE -> Optional.empty();
        };
    }

    /** The location stock arrives at: a receipt's or transfer's {@code to}, a positive adjustment's location. */
    public Optional<Location> destination() {
        return switch (type) {
            case RECEIVE, TRANSFER -> Optional.of(to);
            case ADJUST -> quantity.signum() > 0 ? Optional.of(adjusted()) : Optional.empty();
            case ISSUE -> Optional.empty();
        };
    }

    /** How much stock leaves the source and arrives at the destination. */
    public Quantity moved() {
        return Quantity.of(quantity.abs());
    }

    /**
     * Says which lots this movement moves (a lot-tracked product's): once, before it is added to
     * the ledger, with amounts that add up to what it moves. A TRANSFER's lots leave its source
     * and arrive at its destination.
     */
    public void recordLots(List<LotQuantity> moved) {
        if (id != null || !lots.isEmpty()) {
            throw new IllegalStateException("a movement's lots are recorded once, before it is added to the ledger");
        }
        if (!product.isLotTracked()) {
            throw new IllegalStateException("product " + product.sku() + " is not lot-tracked; its movements move no lots");
        }
        BigDecimal total = moved.stream().map(LotQuantity::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(quantity.abs()) != 0) {
            throw new IllegalArgumentException("the lots add up to " + total.toPlainString() + ", but the movement moves "
                    + quantity.abs().toPlainString());
        }
        for (LotQuantity lot : moved) {
            lots.add(new MovedLot(this, lot.lot(), quantity.signum() < 0 ? lot.quantity().negate() : lot.quantity()));
        }
    }

    /** Says that this ISSUE takes its stock out of reservation {@code id}: once, before it is added to the ledger. */
    public void drawsOn(long reservation) {
        if (type != MovementType.ISSUE || this.id != null || reservationId != null) {
            throw new IllegalStateException("only a new ISSUE draws on a reservation, once");
        }
        reservationId = reservation;
    }

    public Long reservationId() {
        return reservationId;
    }

    /** The lots it moved, signed like its quantity; empty for a product that is not lot-tracked. */
    public List<MovedLot> lots() {
        return List.copyOf(lots);
    }

    private Location adjusted() {
        return to != null ? to : from;
    }

    private static String codeOf(Location location) {
        return location == null ? null : location.code();
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

    public BigDecimal quantity() {
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
