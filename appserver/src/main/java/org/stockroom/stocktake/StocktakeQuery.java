package org.stockroom.stocktake;

/** Filters of {@code GET /stocktakes}; null means any. */
public record StocktakeQuery(StocktakeStatus status, String locationCode) {
}
