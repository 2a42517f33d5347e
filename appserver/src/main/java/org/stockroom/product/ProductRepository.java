package org.stockroom.product;

import java.util.List;
import java.util.Optional;

/** The products of the stockroom. */
public interface ProductRepository {

    Optional<Product> findBySku(String sku);

    /**
     * Finds a product and locks it until the transaction ends ({@code FOR NO KEY UPDATE}), so
     * that it cannot be archived while a movement of it is being recorded, concurrent movements
     * of it (which all update its total on hand) queue instead of deadlocking, and an archive
     * waits for the movements in flight. Foreign keys' {@code KEY SHARE} locks pass.
     */
    Optional<Product> findBySkuForUpdate(String sku);

    boolean existsBySku(String sku);

    /** Whether the ledger holds a quantity of the product with more than {@code decimalPlaces} decimal places. */
    boolean hasMovementsFinerThan(Product product, int decimalPlaces);

    void add(Product product);

    /** Writes pending changes now, so that version conflicts and constraint refusals surface here. */
    void flush();

    /** Up to {@code limit} products after {@code afterSku} in SKU order (each with its total on hand, {@link Product#onHand}). */
    List<Product> search(ProductQuery query, String afterSku, int limit);
}
