package org.stockroom.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Locale;

/**
 * A unit the stockroom counts in, and how finely: EA in whole units, M and KG to three decimal
 * places. A product's unit decides the decimal places of every quantity of it. The list is kept
 * in the database (migrations add to it); a unit not on it counts in whole units.
 */
@Entity
@Table(name = "unit_of_measure")
public class UnitOfMeasure {

    /** The most decimal places any unit may have (the columns are numeric(20, 6)). */
    public static final int MAX_DECIMAL_PLACES = 6;

    @Id
    @Column(name = "code", nullable = false, updatable = false)
    private String code;

    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Column(name = "decimal_places", nullable = false, updatable = false)
    private int decimalPlaces;

    protected UnitOfMeasure() {
        // for JPA
    }

    private UnitOfMeasure(String code, String name, int decimalPlaces) {
        this.code = code;
        this.name = name;
        this.decimalPlaces = decimalPlaces;
    }

    /** A unit counted to {@code decimalPlaces} decimal places (0 to {@value #MAX_DECIMAL_PLACES}). */
    public static UnitOfMeasure of(String code, String name, int decimalPlaces) {
        if (decimalPlaces < 0 || decimalPlaces > MAX_DECIMAL_PLACES) {
            throw new IllegalArgumentException("decimal places must be 0 to " + MAX_DECIMAL_PLACES + ": " + decimalPlaces);
        }
        return new UnitOfMeasure(key(code), name, decimalPlaces);
    }

    /** A unit not on the list, such as "CARTON": counted in whole units. */
    public static UnitOfMeasure unlisted(String code) {
        return new UnitOfMeasure(key(code), code, 0);
    }

    /** The key a unit is listed under: people write "kg" and "KG" for the same thing. */
    public static String key(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public int decimalPlaces() {
        return decimalPlaces;
    }
}
