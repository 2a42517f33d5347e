package org.stockroom.api;

import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;

/**
 * Reads a JSON {@code true} or {@code false} and nothing else. The default binding reads any
 * text that is not "true" as false, so {@code "disabled": "yes"} would quietly mean the
 * opposite of what was asked; put this on such a field with {@code @JsonbTypeDeserializer}.
 */
public class StrictBooleanDeserializer implements JsonbDeserializer<Boolean> {

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        return switch (value.getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            case NULL -> null;  // absent and null are the same to the validation that follows
            default -> throw new JsonbException("expected true or false, not " + value);
        };
    }
}
