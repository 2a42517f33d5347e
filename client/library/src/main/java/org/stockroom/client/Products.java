package org.stockroom.client;

import org.stockroom.client.model.NewProduct;
import org.stockroom.client.model.Product;
import org.stockroom.client.model.ProductChanges;
import org.stockroom.client.model.ProductQuery;

/** The catalogue: {@code /products}. From {@link StockroomClient#products()}. */
public final class Products {

    private final Transport transport;

    Products(Transport transport) {
        this.transport = transport;
    }

    /** Creates a product; sent once, since without a key a repeat could not be told from a new request. */
    public Versioned<Product> create(NewProduct product) {
        return transport.sendVersioned(Call.post("/products", product), Product.class);
    }

    /**
     * Creates a product, retried as the {@link RetryPolicy} allows with the same key on every
     * attempt; if the server has seen the key before, it answers with the product it created then.
     */
    public Versioned<Product> create(NewProduct product, String idempotencyKey) {
        return transport.sendVersioned(Call.post("/products", product).idempotencyKey(idempotencyKey), Product.class);
    }

    /** One page of the products that match; archived ones only if the query includes them. */
    public Page<Product> list(ProductQuery query) {
        return transport.page("/products" + new QueryString()
                .add("q", query.text())
                .add("category", query.category())
                .add("belowReorder", query.belowReorder())
                .add("includeArchived", query.includeArchived())
                .page(query.limit(), query.after()), Product.class);
    }

    /** The product, archived or not, with its ETag for {@link #update}. */
    public Versioned<Product> get(String sku) {
        return transport.sendVersioned(Call.get("/products" + QueryString.segment(sku)), Product.class);
    }

    /**
     * Replaces the editable fields of a product, provided it still carries {@code etag};
     * a {@link ProblemException} with status 412 means someone changed it in between.
     * Sent once and never retried: the {@code If-Match} already makes a repeat harmless, and
     * whether to read again and reapply is the caller's decision. It takes no idempotency key.
     */
    public Versioned<Product> update(String sku, ProductChanges changes, String etag) {
        Call call = Call.put("/products" + QueryString.segment(sku), changes);
        if (etag != null) {  // without one the server answers 428, which says what is missing
            call = call.header("If-Match", etag);
        }
        return transport.sendVersioned(call, Product.class);
    }

    /** Archives a product; refused (409) while it has stock on hand. Sent once, never retried. */
    public void archive(String sku) {
        transport.send(Call.delete("/products" + QueryString.segment(sku)));
    }
}
