package org.stockroom.lot;

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

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A lot (batch) of a lot-tracked product: its number, unique per product, and the date it
 * expires on, if it does. Made by the first receipt that names it and never changed (the
 * database refuses UPDATE and DELETE): later receipts of the lot must agree with its expiry.
 */
@Entity
@Table(name = "lot")
public class Lot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id", nullable = false, updatable = false)
    private Product product;

    @Column(name = "lot_number", nullable = false, updatable = false)
    private String number;

    /** The last day it may be used; null for a lot that does not expire. */
    @Column(name = "expires_on", updatable = false)
    private LocalDate expiresOn;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Lot() {
        // for JPA
    }

    private Lot(Product product, LotNumber number, LocalDate expiresOn) {
        this.product = product;
        this.number = number.value();
        this.expiresOn = expiresOn;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A new lot of a lot-tracked product; {@code expiresOn} may be null (it does not expire). */
    public static Lot of(Product product, LotNumber number, LocalDate expiresOn) {
        Objects.requireNonNull(number, "number");
        if (!product.isLotTracked()) {
            throw new IllegalArgumentException("product " + product.sku() + " is not lot-tracked and has no lots");
        }
        return new Lot(product, number, expiresOn);
    }

    /**
     * Refuses an expiry date other than this lot's: a lot has one. Null (none given) agrees with
     * any, and a lot without one cannot gain one later.
     */
    public void requireExpiry(LocalDate given) {
        if (given != null && !given.equals(expiresOn)) {
            throw new LotExpiryMismatchException(product.sku(), number, expiresOn, given);
        }
    }

    /** Whether it is past its expiry date on {@code today}; a lot may still be used on the day it expires. */
    public boolean isExpiredOn(LocalDate today) {
        return expiresOn != null && expiresOn.isBefore(today);
    }

    public Long id() {
        return id;
    }

    public Product product() {
        return product;
    }

    public String number() {
        return number;
    }

    public LocalDate expiresOn() {
        return expiresOn;
    }
}
