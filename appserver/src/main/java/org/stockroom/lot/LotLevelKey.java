package org.stockroom.lot;

import java.time.LocalDate;

/**
 * Where a page of the stock-by-lot report ended: its order is SKU, location, first expiry first
 * (no expiry last), lot number.
 *
 * @param expiresOn null for a lot that does not expire
 */
public record LotLevelKey(String sku, String location, LocalDate expiresOn, String lot) {
}
