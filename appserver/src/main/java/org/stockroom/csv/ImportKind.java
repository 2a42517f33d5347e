package org.stockroom.csv;

import java.util.List;
import java.util.Optional;

/** What a CSV file imports, its name in the API ({@code /imports/{name}}) and its columns. */
public enum ImportKind {

    PRODUCTS("products", List.of("sku", "name"),
            List.of("description", "unitOfMeasure", "category", "reorderPoint", "lotTracked")),
    LOCATIONS("locations", List.of("code", "name"), List.of()),
    OPENING_STOCK("opening-stock", List.of("sku", "location", "quantity"), List.of("lot", "expiresOn"));

    private final String apiName;
    private final List<String> required;
    private final List<String> optional;

    ImportKind(String apiName, List<String> required, List<String> optional) {
        this.apiName = apiName;
        this.required = required;
        this.optional = optional;
    }

    /** As the API and import_batch.kind name it: products, locations, opening-stock. */
    public String apiName() {
        return apiName;
    }

    /** The columns every file of this kind has in its header. */
    public List<String> requiredColumns() {
        return required;
    }

    /** The columns a file may leave out. */
    public List<String> optionalColumns() {
        return optional;
    }

    public static Optional<ImportKind> of(String apiName) {
        for (ImportKind kind : values()) {
            if (kind.apiName.equals(apiName)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
