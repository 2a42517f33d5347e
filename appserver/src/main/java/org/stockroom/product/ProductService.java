package org.stockroom.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.stockroom.audit.AuditTrail;
import org.stockroom.persistence.DatabaseFailure;
import org.stockroom.problem.ConflictException;
import org.stockroom.problem.PreconditionFailedException;
import org.stockroom.problem.ProblemTypes;
import org.stockroom.problem.ResourceNotFoundException;

import java.util.List;
import java.util.function.LongPredicate;

import static org.stockroom.api.Jsonp.JSON;

/** Use cases of the product catalogue; each change is written to the audit trail in the same transaction. */
@ApplicationScoped
public class ProductService {

    private static final String SUBJECT = "product";

    private final ProductRepository products;
    private final AuditTrail audit;

    @Inject
    public ProductService(ProductRepository products, AuditTrail audit) {
        this.products = products;
        this.audit = audit;
    }

    @Transactional
    public ProductStock create(Sku sku, ProductDetails details) {
        if (products.existsBySku(sku.value())) {
            throw new ConflictException(ProblemTypes.ALREADY_EXISTS, "Already exists",
                    "A product with SKU '" + sku + "' already exists");
        }
        Product product = new Product(sku, details);
        products.add(product);
        products.flush();
        audit.record("product.created", SUBJECT, sku.value(), details.toJson());
        return new ProductStock(product, 0);
    }

    @Transactional
    public ProductStock get(String sku) {
        return ProductStock.of(find(sku));
    }

    @Transactional
    public List<ProductStock> search(ProductQuery query, String afterSku, int limit) {
        return products.search(query, afterSku, limit);
    }

    /**
     * Replaces a product's details if the client's version is still the current one;
     * a concurrent edit between our check and our write is caught by the version column.
     */
    @Transactional
    public ProductStock revise(String sku, LongPredicate isExpectedVersion, ProductDetails details) {
        Product product = find(sku);
        if (!isExpectedVersion.test(product.version())) {
            throw staleEdit(sku, product.version());
        }
        ProductDetails before = product.details();
        product.revise(details);
        try {
            products.flush();
        } catch (OptimisticLockException e) {
            if (DatabaseFailure.of(e).isPresent()) {
                throw e;  // a deadlock or lock timeout in disguise: the retry deals with it
            }
            throw staleEdit(sku, product.version());
        }
        audit.record("product.revised", SUBJECT, sku, JSON.createObjectBuilder(before.changesTo(details))
                .add("version", product.version()).build());
        // No movement ran in this transaction, so the total read with the row is current.
        return ProductStock.of(product);
    }

    /** Archives a product that has no stock left; archiving twice is harmless. */
    @Transactional
    public void archive(String sku) {
        Product product = products.findBySkuForUpdate(sku)
                .orElseThrow(() -> new ResourceNotFoundException("product", sku));
        // Read under FOR UPDATE: no movement of this product can be in flight, so the total is current.
        product.requireNoStockOnHand();
        if (product.isArchived()) {
            return;  // nothing changes, so nothing to audit
        }
        product.archive();
        products.flush();
        audit.record("product.archived", SUBJECT, sku, JsonValue.EMPTY_JSON_OBJECT);
    }

    private Product find(String sku) {
        return products.findBySku(sku).orElseThrow(() -> new ResourceNotFoundException("product", sku));
    }

    private static PreconditionFailedException staleEdit(String sku, long currentVersion) {
        return new PreconditionFailedException("Product '" + sku + "' was changed by someone else since you read it;"
                + " read it again and reapply your edit", "\"" + currentVersion + "\"");
    }
}
