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
 * Reads a JSON number, exactly, and nothing else: the default binding would also take
 * {@code "5"} for 5, and a quantity in quotes is refused here as it is for whole numbers
 * ({@link StrictIntegerDeserializer}). Bounds and decimal places are the field's own rules.
 */
public class StrictDecimalDeserializer implements JsonbDeserializer<BigDecimal> {

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;  // absent and null are the same to the validation that follows
        }
        if (!(value instanceof JsonNumber number)) {
            throw new JsonbException("expected a number, not " + switch (value.getValueType()) {
                case STRING -> "the text " + value;
                case TRUE, FALSE -> "a boolean";
                case OBJECT -> "an object";
                case ARRAY -> "an array";
                default -> value.toString();
            });
        }
        return number.bigDecimalValue();
    }
}
