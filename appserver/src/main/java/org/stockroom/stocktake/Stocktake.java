package org.stockroom.stocktake;

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
import jakarta.persistence.Version;
import org.stockroom.location.Location;
import org.stockroom.product.Product;
import org.stockroom.stocktake.StocktakeBelowZeroException.Shortfall;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A count of the stock at one location, all of it or only some SKUs: "count against the
 * snapshot plus movements since". Each counted line remembers the level when it was entered,
 * and posting adds the difference (counted - expected) to the level as it is then, so stock
 * that moved after a line was counted is kept. Open until posted or cancelled, then read-only.
 *
 * <p>Its {@link #version()} goes up with every count, posting and cancelling: the ETag a manager
 * posts with names exactly the counts they looked at.
 */
@Entity
@Table(name = "stocktake")
public class Stocktake {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "location_id", nullable = false, updatable = false)
    private Location location;

    // Null: the whole location.
    @Column(name = "skus", updatable = false)
    private String[] skus;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private StocktakeStatus status;

    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = "stocktake")
    private List<StocktakeLine> lines = new ArrayList<>();

    protected Stocktake() {
        // for JPA
    }

    private Stocktake(Location location, SortedSet<String> skus, String openedBy) {
        this.location = Objects.requireNonNull(location, "location");
        this.skus = skus == null ? null : skus.toArray(String[]::new);
        this.status = StocktakeStatus.OPEN;
        this.openedBy = Objects.requireNonNull(openedBy, "openedBy");
        this.openedAt = now();
    }

    /** A count of everything at {@code location}. */
    public static Stocktake ofLocation(Location location, String openedBy) {
        return new Stocktake(location, null, openedBy);
    }

    /** A count of only these SKUs at {@code location} (each once, in SKU order). */
    public static Stocktake ofSkus(Location location, List<String> skus, String openedBy) {
        if (skus.isEmpty()) {
            throw new IllegalArgumentException("a stocktake of SKUs names at least one");
        }
        return new Stocktake(location, new TreeSet<>(skus), openedBy);
    }

    /**
     * Records what was counted of {@code product}, against {@code onHand}, the level as it is
     * now; counting a product again replaces its line, with a new snapshot. Refused once the
     * stocktake is closed, for a SKU outside its set, for a negative count, and for an archived
     * product counted above what it holds (it takes no new stock).
     */
    public StocktakeLine count(Product product, BigDecimal counted, OnHandSnapshot onHand, String countedBy) {
        requireOpen();
        if (skus != null && !List.of(skus).contains(product.sku())) {
            throw new NotInStocktakeException(id(), product.sku());
        }
        if (counted.signum() < 0) {
            throw new InvalidCountException("must not be negative");
        }
        product.requireCountable("counted", counted);  // 1.5 of something counted in EA is no count
        if (counted.compareTo(onHand.quantity()) > 0) {
            product.requireAcceptsStock();
        }
        StocktakeLine line = line(product.sku()).orElseGet(() -> {
            StocktakeLine added = new StocktakeLine(this, product);
            lines.add(added);
            return added;
        });
        line.count(counted, onHand, countedBy, now());
        return line;
    }

    /**
     * The lines whose difference posting writes, in SKU order, once it is sure none takes
     * stock below zero: {@code onHandNow} is each line's level as it is now, after any movement
     * since its count. Refuses, naming every such SKU, before anything is written.
     */
    public List<StocktakeLine> linesToPost(Function<StocktakeLine, BigDecimal> onHandNow) {
        requireOpen();
        List<StocktakeLine> differing = lines().stream().filter(StocktakeLine::differs).toList();
        List<Shortfall> shortfalls = new ArrayList<>();
        for (StocktakeLine line : differing) {
            BigDecimal now = onHandNow.apply(line);
            if (now.add(line.difference()).signum() < 0) {
                shortfalls.add(new Shortfall(line.sku(), line.counted(), line.expected(), now));
            }
        }
        if (!shortfalls.isEmpty()) {
            throw new StocktakeBelowZeroException(id(), location.code(), shortfalls);
        }
        return differing;
    }

    /** Closes the stocktake as posted, once every line that differs has its movement. */
    public void post(String postedBy) {
        requireOpen();
        if (lines.stream().anyMatch(line -> line.differs() && line.movement().isEmpty())) {
            throw new IllegalStateException("stocktake " + id + " has a difference without its movement");
        }
        close(StocktakeStatus.POSTED, postedBy);
    }

    /** Closes the stocktake without changing any stock. */
    public void cancel(String cancelledBy) {
        requireOpen();
        close(StocktakeStatus.CANCELLED, cancelledBy);
    }

    private void close(StocktakeStatus closedAs, String by) {
        this.status = closedAs;
        this.closedBy = Objects.requireNonNull(by, "by");
        this.closedAt = now();
    }

    /** Refuses any change once posted or cancelled. */
    public void requireOpen() {
        if (status != StocktakeStatus.OPEN) {
            throw new StocktakeClosedException(id(), status);
        }
    }

    public boolean isOpen() {
        return status == StocktakeStatus.OPEN;
    }

    /** The counted line of this SKU, if it was counted. */
    public Optional<StocktakeLine> line(String sku) {
        return lines.stream().filter(line -> line.sku().equals(sku)).findFirst();
    }

    /** The counted lines, in SKU order. */
    public List<StocktakeLine> lines() {
        return lines.stream().sorted(Comparator.comparing(StocktakeLine::sku)).toList();
    }

    /** The SKUs this stocktake is limited to, in order; empty when it counts the whole location. */
    public Optional<List<String>> skus() {
        return Optional.ofNullable(skus).map(List::of);
    }

    // PostgreSQL keeps microseconds: truncate so that what we answer equals what a later read returns.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The id; 0 before it is stored (only in tests of the domain). */
    public long id() {
        return id == null ? 0 : id;
    }

    public Location location() {
        return location;
    }

    public StocktakeStatus status() {
        return status;
    }

    public String openedBy() {
        return openedBy;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Optional<String> closedBy() {
        return Optional.ofNullable(closedBy);
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    public long version() {
        return version;
    }
}
