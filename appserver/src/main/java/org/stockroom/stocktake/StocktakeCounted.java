package org.stockroom.stocktake;

/** The fact that a line of a stocktake was counted, or counted again (fired inside its transaction). */
public record StocktakeCounted(StocktakeLine line) {
}
