package org.stockroom.bench;

/**
 * The operations the harness measures: each an HTTP request to the app server, and a pgbench
 * script with the SQL the server sends to PostgreSQL for that request.
 */
public enum Operation {

    GET_PRODUCT("get one product", "GET /products/{sku}", "get-product.sql"),
    STOCK_LEVELS("stock levels of one product", "GET /stock?sku={sku}", "stock-levels.sql"),
    POST_MOVEMENT("post one movement", "POST /movements (RECEIVE 1, fresh Idempotency-Key)", "post-movement.sql"),
    PRODUCT_PAGE("keyset page of 100 products", "GET /products?limit=100&after={cursor}", "product-page.sql"),
    LOW_STOCK("low-stock report", "GET /products?belowReorder=true&limit=100", "low-stock.sql");

    private final String title;
    private final String request;
    private final String pgbenchScript;

    Operation(String title, String request, String pgbenchScript) {
        this.title = title;
        this.request = request;
        this.pgbenchScript = pgbenchScript;
    }

    public String title() {
        return title;
    }

    public String request() {
        return request;
    }

    public String pgbenchScript() {
        return pgbenchScript;
    }

    /** The SKU of seeded product number {@code n} (1-based); pgbench builds the same in SQL. */
    public static String sku(long n) {
        return "SKU-%08d".formatted(n);
    }

    /** The code of seeded location number {@code n} (1-based). */
    public static String locationCode(int n) {
        return "LOC-%02d".formatted(n);
    }
}
