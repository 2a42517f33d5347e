package org.stockroom.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.event.Event;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.stockroom.persistence.DatabaseFailure;
import org.stockroom.rules.StaleEditException;
import org.stockroom.unit.UnitOfMeasure;
import org.stockroom.unit.Units;
import org.stockroom.rules.AlreadyExistsException;
import org.stockroom.rules.NotFoundException;

import java.util.List;
import java.util.function.LongPredicate;

/**
 * Use cases of the product catalogue. Each change is announced as a fact ({@link ProductCreated},
 * {@link ProductRevised}, {@link ProductArchived}) in the same transaction, where the audit trail records it.
 */
@ApplicationScoped
public class ProductService {

    private final ProductRepository products;
    private final Units units;
    private final Event<Object> events;

    @Inject
    public ProductService(ProductRepository products, Units units, Event<Object> events) {
        this.products = products;
        this.units = units;
        this.events = events;
    }

    @Transactional
    public Product create(Sku sku, ProductDetails details) {
        if (products.existsBySku(sku.value())) {
            throw new AlreadyExistsException("product", "SKU", sku.value());
        }
        Product product = new Product(sku, details, units.of(details.unitOfMeasure()));
        products.add(product);
        products.flush();
        events.fire(new ProductCreated(product));
        return product;  // on hand 0: a new product has no levels
    }

    @Transactional
    public Product get(String sku) {
        return find(sku);
    }

    @Transactional
    public List<Product> search(ProductQuery query, String afterSku, int limit) {
        return products.search(query, afterSku, limit);
    }

    /**
     * Replaces a product's details if the client's version is still the current one;
     * a concurrent edit between our check and our write is caught by the version column.
     */
    @Transactional
    public Product revise(String sku, LongPredicate isExpectedVersion, ProductDetails details) {
        // Locked as a movement locks it: a change of lot tracking must see the stock as it is (an
        // edit waited for the movements in flight at its UPDATE anyway).
        Product product = products.findBySkuForUpdate(sku).orElseThrow(() -> new NotFoundException("product", sku));
        if (!isExpectedVersion.test(product.version())) {
            throw staleEdit(sku, product.version());
        }
        UnitOfMeasure unit = units.of(details.unitOfMeasure());
        if (unit.decimalPlaces() < product.decimalPlaces()
                && products.hasMovementsFinerThan(product, unit.decimalPlaces())) {
            throw new UnitTooCoarseException(sku, details.unitOfMeasure(), unit.decimalPlaces());
        }
        ProductDetails before = product.details();
        product.revise(details, unit);
        try {
            products.flush();
        } catch (OptimisticLockException e) {
            if (DatabaseFailure.of(e).isPresent()) {
                throw e;  // a deadlock or lock timeout in disguise: the retry deals with it
            }
            throw staleEdit(sku, product.version());
        }
        events.fire(new ProductRevised(product, before));
        // No movement ran in this transaction, so the total read with the row is current.
        return product;
    }

    /** Archives a product that has no stock left; archiving twice is harmless. */
    @Transactional
    public void archive(String sku) {
        Product product = products.findBySkuForUpdate(sku)
                .orElseThrow(() -> new NotFoundException("product", sku));
        // Read under the row lock: no movement of this product can be in flight, so the total is current.
        product.requireNoStockOnHand();
        if (product.isArchived()) {
            return;  // nothing changes, so nothing to audit
        }
        product.archive();
        products.flush();
        events.fire(new ProductArchived(product));
    }

    private Product find(String sku) {
        return products.findBySku(sku).orElseThrow(() -> new NotFoundException("product", sku));
    }

    private static StaleEditException staleEdit(String sku, long currentVersion) {
        return new StaleEditException("Product '" + sku + "' was changed by someone else since you read it;"
                + " read it again and reapply your edit", currentVersion);
    }
}
