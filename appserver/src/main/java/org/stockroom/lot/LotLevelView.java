package org.stockroom.lot;

import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.stockroom.product.Product;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of the stock-by-lot report, its quantity in the decimal places of the product's unit. */
@JsonbNillable
@Schema(description = "What one location holds of one lot", properties = {
        @SchemaProperty(name = "location", description = "The location code"),
        @SchemaProperty(name = "lot", description = "The lot number"),
        @SchemaProperty(name = "expiresOn", nullable = true, description = "The lot's expiry date; null if it does not "
                + "expire"),
        @SchemaProperty(name = "expired", description = "Past its expiry date today: first expiry first skips it"),
        @SchemaProperty(name = "onHand", description = "More than 0; in the decimal places of the product's unit")})
public record LotLevelView(String sku, String location, String lot, LocalDate expiresOn, boolean expired,
                           BigDecimal onHand) {

    static LotLevelView of(Product product, String location, Lot lot, BigDecimal onHand, LocalDate today) {
        return new LotLevelView(product.sku(), location, lot.number(), lot.expiresOn(), lot.isExpiredOn(today),
                product.inItsUnit(onHand));
    }
}
