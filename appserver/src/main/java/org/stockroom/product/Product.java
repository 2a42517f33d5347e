package org.stockroom.product;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.stockroom.unit.UnitOfMeasure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Something the stockroom keeps, identified by its SKU, which never changes. */
@Entity
@Table(name = "product")
public class Product {

    public static final String DEFAULT_UNIT_OF_MEASURE = "EA";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "sku", nullable = false, updatable = false)
    private String sku;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description")
    private String description;

    @Column(name = "unit_of_measure", nullable = false)
    private String unitOfMeasure;

    @Column(name = "category")
    private String category;

    @Column(name = "reorder_point", nullable = false)
    private BigDecimal reorderPoint;

    // The unit's, set with the unit; the database checks the two agree.
    @Column(name = "decimal_places", nullable = false)
    private int decimalPlaces;

    @Column(name = "archived", nullable = false)
    private boolean archived;

    // Every unit of a lot-tracked product is in a lot (org.stockroom.lot); switched only without stock.
    @Column(name = "lot_tracked", nullable = false)
    private boolean lotTracked;

    // The database keeps it (the sum of the stock levels, by trigger): never written from here.
    @Column(name = "on_hand", nullable = false, insertable = false, updatable = false)
    private BigDecimal onHand = BigDecimal.ZERO;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Product() {
        // for JPA
    }

    /** A new product counted in {@code unit}, the unit its details name. */
    public Product(Sku sku, ProductDetails details, UnitOfMeasure unit) {
        this.sku = Objects.requireNonNull(sku, "sku").value();
        this.createdAt = now();
        this.lotTracked = Boolean.TRUE.equals(details.lotTracked());
        apply(details, unit);
    }

    /**
     * Replaces the editable details; the SKU and the stock stay as they are. A unit with fewer
     * decimal places than the product's history needs is refused by the caller, who can see the ledger.
     * Lot tracking stays as it is when the details leave it out (null), and changes only while
     * nothing is on hand, as read with the row (lock it first).
     */
    public void revise(ProductDetails details, UnitOfMeasure unit) {
        if (details.lotTracked() != null && details.lotTracked() != lotTracked) {
            if (onHand.signum() != 0) {
                throw new LotTrackingChangeException(sku, details.lotTracked(), inItsUnit(onHand));
            }
            lotTracked = details.lotTracked();
        }
        apply(details, unit);
    }

    /** The editable details as they are now. */
    public ProductDetails details() {
        return new ProductDetails(name, description, unitOfMeasure, category, inItsUnit(reorderPoint), lotTracked);
    }

    /** Archived products stay in the ledger's history but take no more receipts. */
    public void archive() {
        if (!archived) {
            archived = true;
            updatedAt = now();
        }
    }

    /** Refuses new stock (a receipt, a positive adjustment) once the product is archived. */
    public void requireAcceptsStock() {
        if (archived) {
            throw new ProductArchivedException(sku);
        }
    }

    /** Refuses to archive while some of it is on hand, as read with the row. */
    public void requireNoStockOnHand() {
        if (onHand.signum() > 0) {
            throw new StockOnHandException(sku, inItsUnit(onHand));
        }
    }

    /** Whether a total on hand of {@code onHand} is below the level at which to reorder. */
    public boolean isBelowReorderPoint(BigDecimal onHand) {
        return onHand.compareTo(reorderPoint) < 0;
    }

    /**
     * Refuses a quantity finer than the product's unit counts (1.5 of something counted in EA):
     * {@code field} names it in the refusal.
     */
    public void requireCountable(String field, BigDecimal quantity) {
        if (!fitsUnit(quantity, decimalPlaces)) {
            throw new QuantityPrecisionException(field, quantity, sku, unitOfMeasure, decimalPlaces);
        }
    }

    /**
     * A quantity of this product written in its unit's decimal places: 12 for EA, 12.500 for M.
     * The database holds six places for every unit; the API answers in the product's own.
     */
    public BigDecimal inItsUnit(BigDecimal quantity) {
        return fitsUnit(quantity, decimalPlaces)
                ? quantity.setScale(decimalPlaces, RoundingMode.UNNECESSARY)
                : quantity.stripTrailingZeros();  // never rounded: a finer value shows as it is
    }

    private static boolean fitsUnit(BigDecimal quantity, int places) {
        return quantity.stripTrailingZeros().scale() <= places;
    }

    private void apply(ProductDetails details, UnitOfMeasure unit) {
        this.decimalPlaces = unit.decimalPlaces();
        requireCountable("reorderPoint", details.reorderPoint());
        this.name = details.name();
        this.description = details.description();
        this.unitOfMeasure = details.unitOfMeasure();
        this.category = details.category();
        this.reorderPoint = details.reorderPoint();
        this.updatedAt = now();
    }

    // PostgreSQL keeps microseconds: truncate so that what we answer equals what a later read returns.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public Long id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String unitOfMeasure() {
        return unitOfMeasure;
    }

    public String category() {
        return category;
    }

    public BigDecimal reorderPoint() {
        return reorderPoint;
    }

    public boolean isArchived() {
        return archived;
    }

    /** Whether every unit of it is in a lot: a receipt names its lot, an issue takes the first expiring. */
    public boolean isLotTracked() {
        return lotTracked;
    }

    /**
     * The total on hand across locations as it was when this row was read: a movement in the
     * same transaction changes it in the database only, so read it before or refresh after.
     */
    public BigDecimal onHand() {
        return onHand;
    }

    /** How many decimal places its quantities have: its unit's (0 for EA). */
    public int decimalPlaces() {
        return decimalPlaces;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
