package org.stockroom.lot;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.stockroom.product.Product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** One row of the expiring-lots report: a lot in stock at a location, and how soon it expires. */
@Schema(description = "A lot in stock at one location that expires soon, or has expired", properties = {
        @SchemaProperty(name = "location", description = "The location code"),
        @SchemaProperty(name = "lot", description = "The lot number"),
        @SchemaProperty(name = "expiresOn", description = "The last day it may be used"),
        @SchemaProperty(name = "daysLeft", description = "Days from today to its expiry date: 0 on the day it "
                + "expires, negative once it has expired"),
        @SchemaProperty(name = "expired", description = "Past its expiry date: first expiry first skips it"),
        @SchemaProperty(name = "onHand", description = "More than 0; in the decimal places of the product's unit")})
public record ExpiringLotView(String sku, String location, String lot, LocalDate expiresOn, long daysLeft,
                              boolean expired, BigDecimal onHand) {

    static ExpiringLotView of(Product product, String location, Lot lot, BigDecimal onHand, LocalDate today) {
        return new ExpiringLotView(product.sku(), location, lot.number(), lot.expiresOn(),
                ChronoUnit.DAYS.between(today, lot.expiresOn()), lot.isExpiredOn(today), product.inItsUnit(onHand));
    }
}
