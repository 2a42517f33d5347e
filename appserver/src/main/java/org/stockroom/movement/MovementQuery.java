package org.stockroom.movement;

import java.time.Instant;

/**
 * Filters of the ledger listing; null means "don't filter on this".
 *
 * @param sku          one product
 * @param locationCode movements into or out of one location
 * @param since        movements at or after this time
 */
public record MovementQuery(String sku, String locationCode, Instant since) {
}
