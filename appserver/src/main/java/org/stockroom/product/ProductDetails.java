package org.stockroom.product;

/** The editable details of a product, already validated and with defaults applied. */
public record ProductDetails(String name, String description, String unitOfMeasure, String category,
                             int reorderPoint) {

    public static ProductDetails of(String name, String description, String unitOfMeasure, String category,
                                    Integer reorderPoint) {
        return new ProductDetails(name.strip(), blankToNull(description),
                unitOfMeasure == null || unitOfMeasure.isBlank() ? Product.DEFAULT_UNIT_OF_MEASURE : unitOfMeasure.strip(),
                blankToNull(category), reorderPoint == null ? 0 : reorderPoint);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
