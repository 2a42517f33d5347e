package org.stockroom.api;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;

/**
 * Reads a JSON string and nothing else. The default binding would take {@code 12} as "12" and
 * {@code true} as "true": a name or SKU sent as a number is a client's mistake to report, the
 * same way {@link StrictIntegerDeserializer} refuses a number sent as text.
 */
public class StrictStringDeserializer implements JsonbDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        return switch (value.getValueType()) {
            case NULL -> null;
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> throw new JsonbException("expected text, not the number " + value);
            case TRUE, FALSE -> throw new JsonbException("expected text, not a boolean");
            case OBJECT -> throw new JsonbException("expected text, not an object");
            case ARRAY -> throw new JsonbException("expected text, not an array");
        };
    }
}
