package org.stockroom.desktop.products;

import org.stockroom.client.Page;
import org.stockroom.client.model.Product;
import org.stockroom.client.model.ProductQuery;
import org.stockroom.desktop.connection.ServerConnection;
import org.stockroom.desktop.table.ListTableModel;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

/**
 * The products table's rows, fetched a keyset page at a time: the first page when the search
 * changes, the next when the user scrolls near the end. An answer to an older search is
 * dropped, so fast typing never shows stale rows.
 */
public final class ProductList {

    static final int PAGE_SIZE = 100;

    private final ServerConnection connection;
    private final Consumer<Exception> onFailure;
    private final ListTableModel<Product> model = new ListTableModel<>(List.of(
            new ListTableModel.Column<>("SKU", String.class, Product::sku),
            new ListTableModel.Column<>("Name", String.class, Product::name),
            new ListTableModel.Column<>("Category", String.class, Product::category),
            new ListTableModel.Column<>("On hand", BigDecimal.class, Product::onHand),
            new ListTableModel.Column<>("Reorder point", BigDecimal.class, Product::reorderPoint)));

    private ProductQuery query = new ProductQuery(null, null, null, PAGE_SIZE, null);
    private String next;
    private boolean loading;
    private int generation;

    public ProductList(ServerConnection connection, Consumer<Exception> onFailure) {
        this.connection = connection;
        this.onFailure = onFailure;
    }

    public ListTableModel<Product> model() {
        return model;
    }

    /** Starts over with a new search text and category (either may be blank). */
    public void search(String text, String category, Runnable then) {
        query = new ProductQuery(blankToNull(text), blankToNull(category), null, PAGE_SIZE, null);
        int searchGeneration = ++generation;
        loading = true;
        connection.run(() -> connection.client().products().list(query), page -> {
            if (searchGeneration == generation) {
                loading = false;
                model.setRows(page.items());
                next = page.hasNext() ? page.next() : null;
                then.run();
            }
        }, failure -> {
            loading = false;
            onFailure.accept(failure);
        });
    }

    /** Fetches the next page, if there is one and none is on its way. */
    public void loadMore() {
        if (loading || next == null) {
            return;
        }
        int searchGeneration = generation;
        loading = true;
        ProductQuery nextPage = query.withAfter(next);
        connection.run(() -> connection.client().products().list(nextPage), (Page<Product> page) -> {
            if (searchGeneration == generation) {
                loading = false;
                model.addRows(page.items());
                next = page.hasNext() ? page.next() : null;
            }
        }, failure -> {
            loading = false;
            onFailure.accept(failure);
        });
    }

    public boolean hasMore() {
        return next != null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
