package org.stockroom.unit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/** A unit as the API shows it. */
@Schema(description = "A unit of measure", properties = {
        @SchemaProperty(name = "code", description = "As products name it, matched ignoring case", example = "KG"),
        @SchemaProperty(name = "decimalPlaces", description = "How many decimal places its quantities have, 0 to 6")})
public record UnitView(String code, String name, int decimalPlaces) {

    static UnitView of(UnitOfMeasure unit) {
        return new UnitView(unit.code(), unit.name(), unit.decimalPlaces());
    }
}
