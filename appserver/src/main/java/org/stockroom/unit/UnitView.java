package org.stockroom.unit;

/** A unit as the API shows it. */
public record UnitView(String code, String name, int decimalPlaces) {

    static UnitView of(UnitOfMeasure unit) {
        return new UnitView(unit.code(), unit.name(), unit.decimalPlaces());
    }
}
