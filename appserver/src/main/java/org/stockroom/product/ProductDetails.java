package org.stockroom.product;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The editable details of a product, already validated and with defaults applied.
 *
 * @param lotTracked whether every unit is in a lot; null when not given: false for a new
 *                   product, unchanged for an edit (a client that does not know lots never
 *                   switches tracking off)
 */
public record ProductDetails(String name, String description, String unitOfMeasure, String category,
                             BigDecimal reorderPoint, Boolean lotTracked) {

    /** Details that leave lot tracking as it is (a new product: not tracked). */
    public ProductDetails(String name, String description, String unitOfMeasure, String category,
                          BigDecimal reorderPoint) {
        this(name, description, unitOfMeasure, category, reorderPoint, null);
    }

    /**
     * The details as a client gave them: text without surrounding white space, blank meaning
     * "not given", then the defaults (unit EA, reorder point 0); lot tracking not given.
     */
    public static ProductDetails of(String name, String description, String unitOfMeasure, String category,
                                    BigDecimal reorderPoint) {
        return of(name, description, unitOfMeasure, category, reorderPoint, null);
    }

    /** The same, with lot tracking as given (null: not given). */
    public static ProductDetails of(String name, String description, String unitOfMeasure, String category,
                                    BigDecimal reorderPoint, Boolean lotTracked) {
        return new ProductDetails(name.strip(), given(description),
                Objects.requireNonNullElse(given(unitOfMeasure), Product.DEFAULT_UNIT_OF_MEASURE),
                given(category), reorderPoint == null ? BigDecimal.ZERO : reorderPoint, lotTracked);
    }

    private static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The fields by their API names, in the order the API shows them (the audit trail keeps them so). */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("description", description);
        fields.put("unitOfMeasure", unitOfMeasure);
        fields.put("category", category);
        fields.put("reorderPoint", reorderPoint);
        if (lotTracked != null) {
            fields.put("lotTracked", lotTracked);
        }
        return fields;
    }
}
