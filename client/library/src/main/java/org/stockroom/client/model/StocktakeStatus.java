package org.stockroom.client.model;

/** Where a stocktake is: counted while {@code OPEN}, then {@code POSTED} or {@code CANCELLED} for good. */
public enum StocktakeStatus {
    OPEN, POSTED, CANCELLED
}
