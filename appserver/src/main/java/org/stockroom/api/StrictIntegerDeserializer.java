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
 * Reads a JSON integer and nothing else. The default binding would turn {@code 1.5} into 1,
 * {@code "5"} into 5 and wrap {@code 4294967298} round to 2: for stock quantities each of
 * those is a wrong movement recorded without a word, so each is refused instead.
 */
public class StrictIntegerDeserializer implements JsonbDeserializer<Integer> {

    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;  // absent and null are the same to the validation that follows
        }
        if (!(value instanceof JsonNumber number)) {
            throw new JsonbException("expected a whole number, not " + describe(value));
        }
        if (!number.isIntegral()) {
            throw new JsonbException("expected a whole number, not " + number);
        }
        BigDecimal exact = number.bigDecimalValue();
        try {
            return exact.intValueExact();
        } catch (ArithmeticException e) {
            throw new JsonbException("the number " + exact.toPlainString() + " is out of range");
        }
    }

    static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "the text " + value;
            case TRUE, FALSE -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            default -> value.toString();
        };
    }
}
