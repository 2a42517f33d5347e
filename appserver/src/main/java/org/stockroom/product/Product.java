package org.stockroom.product;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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
    private int reorderPoint;

    @Column(name = "archived", nullable = false)
    private boolean archived;

    // The database keeps it (the sum of the stock levels, by trigger): never written from here.
    @Column(name = "on_hand", nullable = false, insertable = false, updatable = false)
    private long onHand;

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

    public Product(Sku sku, ProductDetails details) {
        this.sku = Objects.requireNonNull(sku, "sku").value();
        this.createdAt = now();
        apply(details);
    }

    /** Replaces the editable details; the SKU and the stock stay as they are. */
    public void revise(ProductDetails details) {
        apply(details);
    }

    /** The editable details as they are now. */
    public ProductDetails details() {
        return new ProductDetails(name, description, unitOfMeasure, category, reorderPoint);
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
        if (onHand > 0) {
            throw new StockOnHandException(sku, onHand);
        }
    }

    /** Whether a total on hand of {@code onHand} is below the level at which to reorder. */
    public boolean isBelowReorderPoint(long onHand) {
        return onHand < reorderPoint;
    }

    private void apply(ProductDetails details) {
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

    public int reorderPoint() {
        return reorderPoint;
    }

    public boolean isArchived() {
        return archived;
    }

    /**
     * The total on hand across locations as it was when this row was read: a movement in the
     * same transaction changes it in the database only, so read it before or refresh after.
     */
    public long onHand() {
        return onHand;
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
