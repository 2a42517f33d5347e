package org.stockroom.stocktake;

import org.stockroom.location.Location;
import org.stockroom.product.Product;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stocktakes and their lines. */
public interface StocktakeRepository {

    void add(Stocktake stocktake);

    void add(StocktakeLine line);

    /** Finds a stocktake with its location and lines. */
    Optional<Stocktake> find(long id);

    /**
     * Finds a stocktake and locks its row until the transaction ends: counts, posting and
     * cancelling of one stocktake queue. Its lines are not read yet (see {@link #fetchLines}).
     */
    Optional<Stocktake> lock(long id);

    /** Reads the lines of a stocktake and their products, in one query. */
    void fetchLines(Stocktake stocktake);

    /** The SKUs of the stocktake's counted lines, in the order their products are locked: by product id. */
    List<String> countedSkusInLockOrder(Stocktake stocktake);

    /** Makes the locked stocktake's version go up now, though none of its own columns changed. */
    void touch(Stocktake stocktake);

    /** The open stocktake of a location, if there is one. */
    Optional<Stocktake> findOpen(Location location);

    /**
     * The level of a product at a location and the last movement it includes, from the ledger's
     * head; the caller holds the product's lock, so no movement of it is in between.
     */
    OnHandSnapshot onHand(Product product, Location location);

    /** The products with stock on hand at the location, in SKU order. */
    List<ProductToCount> onHandAt(Location location);

    /** The products of these SKUs, in SKU order. */
    List<ProductToCount> products(Collection<String> skus);

    /** Up to {@code limit} stocktakes older than {@code beforeId}, newest first. */
    List<Stocktake> search(StocktakeQuery query, Long beforeId, int limit);

    void flush();
}
