package org.stockroom.stocktake;

/** The fact that a stocktake was posted, its lines carrying their movements (fired inside its transaction). */
public record StocktakePosted(Stocktake stocktake) {
}
