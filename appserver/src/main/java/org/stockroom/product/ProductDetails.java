package org.stockroom.product;

import org.stockroom.api.Text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The editable details of a product, already validated and with defaults applied. */
public record ProductDetails(String name, String description, String unitOfMeasure, String category,
                             int reorderPoint) {

    public static ProductDetails of(String name, String description, String unitOfMeasure, String category,
                                    Integer reorderPoint) {
        return new ProductDetails(name.strip(), Text.trimmedOrNull(description),
                Objects.requireNonNullElse(Text.trimmedOrNull(unitOfMeasure), Product.DEFAULT_UNIT_OF_MEASURE),
                Text.trimmedOrNull(category), reorderPoint == null ? 0 : reorderPoint);
    }

    /** The fields by their API names, in the order the API shows them (the audit trail keeps them so). */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("description", description);
        fields.put("unitOfMeasure", unitOfMeasure);
        fields.put("category", category);
        fields.put("reorderPoint", reorderPoint);
        return fields;
    }
}
