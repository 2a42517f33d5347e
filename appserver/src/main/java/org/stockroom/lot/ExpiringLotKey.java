package org.stockroom.lot;

import java.time.LocalDate;

/** Where a page of the expiring-lots report ended: its order is expiry date, SKU, lot number, location. */
public record ExpiringLotKey(LocalDate expiresOn, String sku, String lot, String location) {
}
