package org.stockroom.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * Reads a quantity: a JSON number and nothing else, exactly as written (never through a double).
 * Trailing zeros are dropped ({@code 2.500} is 2.5), so the decimal places checked later are the
 * ones that count. Refused here, as unreadable (400), before Bean Validation sees them:
 * <ul>
 *   <li>text such as {@code "5"}, booleans, objects;</li>
 *   <li>more decimal places than any unit counts ({@value #MAX_DECIMAL_PLACES});</li>
 *   <li>magnitudes beyond what a whole-number quantity could ever hold ({@link Integer#MAX_VALUE}),
 *       as when quantities were integers: the API's bounds (422) lie inside that.</li>
 * </ul>
 */
public class StrictDecimalDeserializer implements JsonbDeserializer<BigDecimal> {

    static final int MAX_DECIMAL_PLACES = 6;
    private static final BigDecimal MAX_MAGNITUDE = BigDecimal.valueOf(Integer.MAX_VALUE);

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;  // absent and null are the same to the validation that follows
        }
        if (!(value instanceof JsonNumber number)) {
            throw new JsonbException("expected a number, not " + StrictIntegerDeserializer.describe(value));
        }
        BigDecimal exact = number.bigDecimalValue();
        // Compared before anything builds a plain form, which for 1e999999999 would cost memory.
        if (exact.precision() - exact.scale() > MAX_MAGNITUDE.precision() || exact.abs().compareTo(MAX_MAGNITUDE) > 0) {
            throw new JsonbException("the number " + number + " is out of range");
        }
        BigDecimal plain = exact.stripTrailingZeros();
        if (plain.scale() > MAX_DECIMAL_PLACES) {
            throw new JsonbException("the number " + number + " has more than " + MAX_DECIMAL_PLACES
                    + " decimal places");
        }
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }
}
