package org.stockroom.stocktake;

/** The fact that a stocktake was cancelled (fired inside its transaction). */
public record StocktakeCancelled(Stocktake stocktake) {
}
