package org.stockroom.stocktake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.stockroom.api.NoControlCharacters;
import org.stockroom.location.LocationCode;
import org.stockroom.product.Sku;

import java.util.List;

/**
 * The body of {@code POST /stocktakes}: the location to count and, optionally, the only SKUs to
 * count there (each once; left out, the whole location is counted).
 */
public record NewStocktakeRequest(
        @NotBlank @Size(max = LocationCode.MAX_LENGTH) @NoControlCharacters String location,
        @Size(min = 1, max = MAX_SKUS, message = "must name 1 to " + MAX_SKUS
                + " SKUs; leave it out to count the whole location")
        List<@NotNull @Size(max = Sku.MAX_LENGTH) @Pattern(regexp = Sku.PATTERN, message = Sku.RULE) String> skus) {

    /** The most SKUs one stocktake may be limited to. */
    public static final int MAX_SKUS = 1000;
}
