package org.stockroom.problem;

/** The problem type URIs this API answers with; each is documented in docs/api.md. */
public final class ProblemTypes {

    private static final String BASE = "https://stockroom.dev/problems/";

    public static final String ABOUT_BLANK = "about:blank";
    public static final String MALFORMED_REQUEST = BASE + "malformed-request";
    public static final String INVALID_FIELDS = BASE + "invalid-fields";
    public static final String BODY_TOO_LARGE = BASE + "body-too-large";
    public static final String UNAUTHORIZED = BASE + "unauthorized";
    public static final String FORBIDDEN = BASE + "forbidden";
    public static final String NOT_FOUND = BASE + "not-found";
    public static final String ALREADY_EXISTS = BASE + "already-exists";
    public static final String INSUFFICIENT_STOCK = BASE + "insufficient-stock";
    public static final String INSUFFICIENT_AVAILABLE = BASE + "insufficient-available";
    public static final String RESERVATION_CLOSED = BASE + "reservation-closed";
    public static final String RESERVATION_EXCEEDED = BASE + "reservation-exceeded";
    public static final String PRODUCT_ARCHIVED = BASE + "product-archived";
    public static final String STOCK_ON_HAND = BASE + "stock-on-hand";
    public static final String QUANTITY_PRECISION = BASE + "quantity-precision";
    public static final String UNIT_TOO_COARSE = BASE + "unit-too-coarse";
    public static final String OVER_RECEIPT = BASE + "over-receipt";
    public static final String PURCHASE_ORDER_CLOSED = BASE + "purchase-order-closed";
    public static final String EXPIRED_STOCK = BASE + "expired-stock";
    public static final String LOT_EXPIRY_MISMATCH = BASE + "lot-expiry-mismatch";
    public static final String STOCKTAKE_CLOSED = BASE + "stocktake-closed";
    public static final String NOT_IN_STOCKTAKE = BASE + "not-in-stocktake";
    public static final String STOCKTAKE_BELOW_ZERO = BASE + "stocktake-below-zero";
    public static final String INVALID_ROWS = BASE + "invalid-rows";
    public static final String IMPORT_IN_PROGRESS = BASE + "import-in-progress";
    public static final String LAST_ADMIN = BASE + "last-admin";
    public static final String EDIT_CONFLICT = BASE + "edit-conflict";
    public static final String PRECONDITION_REQUIRED = BASE + "precondition-required";
    public static final String IDEMPOTENCY_KEY_REUSED = BASE + "idempotency-key-reused";
    public static final String IDEMPOTENCY_KEY_IN_FLIGHT = BASE + "idempotency-key-in-flight";
    public static final String DATA_INTEGRITY = BASE + "data-integrity";
    public static final String TOO_MANY_REQUESTS = BASE + "too-many-requests";
    public static final String DATABASE_UNAVAILABLE = BASE + "database-unavailable";
    public static final String SERVER_BUSY = BASE + "server-busy";
    public static final String INTERNAL_ERROR = BASE + "internal-error";

    private ProblemTypes() {
    }
}
