package org.stockroom.stocktake;

/** The fact that a stocktake was opened (fired as a CDI event inside its transaction). */
public record StocktakeOpened(Stocktake stocktake) {
}
