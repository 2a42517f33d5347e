package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/** The body of {@code POST /stocktakes}: the location, and optionally the only SKUs to count there. */
@JsonbPropertyOrder({"location", "skus"})
public record NewStocktake(String location, List<String> skus) {

    /** A count of everything at the location. */
    public static NewStocktake of(String location) {
        return new NewStocktake(location, null);
    }
}
