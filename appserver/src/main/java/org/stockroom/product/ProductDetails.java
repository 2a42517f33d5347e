package org.stockroom.product;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.stockroom.api.Text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import static org.stockroom.api.Jsonp.JSON;

/** The editable details of a product, already validated and with defaults applied. */
public record ProductDetails(String name, String description, String unitOfMeasure, String category,
                             int reorderPoint) {

    public static ProductDetails of(String name, String description, String unitOfMeasure, String category,
                                    Integer reorderPoint) {
        return new ProductDetails(name.strip(), Text.trimmedOrNull(description),
                Objects.requireNonNullElse(Text.trimmedOrNull(unitOfMeasure), Product.DEFAULT_UNIT_OF_MEASURE),
                Text.trimmedOrNull(category), reorderPoint == null ? 0 : reorderPoint);
    }

    /** The fields by their API names, for the audit trail. */
    Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("description", description);
        fields.put("unitOfMeasure", unitOfMeasure);
        fields.put("category", category);
        fields.put("reorderPoint", reorderPoint);
        return fields;
    }

    /** Every field as JSON, nulls included: what the audit trail keeps of a new product. */
    JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        fields().forEach((field, value) -> json.add(field, jsonValue(value)));
        return json.build();
    }

    /**
     * What the audit trail keeps of a revision: {@code before} and {@code after} of only the
     * fields that changed (both empty when nothing did).
     */
    JsonObject changesTo(ProductDetails revised) {
        JsonObjectBuilder before = JSON.createObjectBuilder();
        JsonObjectBuilder after = JSON.createObjectBuilder();
        Map<String, Object> revisedFields = revised.fields();
        fields().forEach((field, value) -> {
            Object revisedValue = revisedFields.get(field);
            if (!Objects.equals(value, revisedValue)) {
                before.add(field, jsonValue(value));
                after.add(field, jsonValue(revisedValue));
            }
        });
        return JSON.createObjectBuilder().add("before", before).add("after", after).build();
    }

    private static JsonValue jsonValue(Object value) {
        return switch (value) {
            case null -> JsonValue.NULL;
            case Integer number -> JSON.createValue(number);
            default -> JSON.createValue(value.toString());
        };
    }
}
