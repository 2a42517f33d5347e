package org.stockroom.stocktake;

import java.util.List;

/**
 * A stocktake as a clerk's count sheet: its counted lines, and the products still to count:
 * the rest of its SKUs, or, for an open count of a whole location, what is on hand there now
 * and not counted yet.
 */
public record StocktakeSheet(Stocktake stocktake, List<ProductToCount> notCounted) {
}
