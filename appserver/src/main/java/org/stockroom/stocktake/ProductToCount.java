package org.stockroom.stocktake;

/** A product a stocktake lists for counting, whether or not it has been counted yet. */
public record ProductToCount(String sku, String name) {
}
