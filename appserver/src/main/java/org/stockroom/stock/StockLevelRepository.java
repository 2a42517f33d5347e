package org.stockroom.stock;

import org.stockroom.location.Location;
import org.stockroom.product.Product;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** On-hand levels per product and location. */
public interface StockLevelRepository {

    /**
     * Locks the level of a product at a location until the transaction ends, creating it
     * at zero first if it does not exist yet. Concurrent movements of the same stock wait
     * here for each other instead of overwriting each other's counts.
     */
    StockLevel lockOrCreate(Product product, Location location);

    /** Locks an existing level; empty when the location never held the product. */
    Optional<StockLevel> lock(Product product, Location location);

    /** Locks an existing level by its key; empty when there is none. */
    Optional<StockLevel> lock(StockLevelId id);

    void flush();

    /** The levels with these keys that exist, as rows of the on-hand report, in (SKU, location code) order. */
    List<StockLevelView> findAll(Collection<StockLevelId> keys);

    /** Up to {@code limit} rows after the given key, in (SKU, location code) order. */
    List<StockLevelView> search(StockQuery query, String afterSku, String afterLocation, int limit);
}
