package org.stockroom.rules;

import java.util.List;
import java.util.Map;

/**
 * A business rule refused something: an expected outcome, not a bug. The domain throws
 * subclasses of this plain exception and knows nothing of HTTP; {@code problem/} alone turns
 * each into the problem+json the API answers with, by its {@link #rule()}.
 */
public abstract class RuleViolation extends RuntimeException {

    /** The rules the domain refuses with; each has one problem type in {@code problem/}. */
    public enum Rule {
        /** What a request names does not exist. */
        NOT_FOUND,
        /** An identifier a request chose is taken. */
        ALREADY_EXISTS,
        /** A movement would take more stock out of a location than it holds. */
        INSUFFICIENT_STOCK,
        /** Stock is on hand, but reservations hold what a movement or a new reservation would take. */
        INSUFFICIENT_AVAILABLE,
        /** A reservation that is CONSUMED, RELEASED or EXPIRED holds nothing and cannot be released or issued from. */
        RESERVATION_CLOSED,
        /** An issue against a reservation would take more than it still holds. */
        RESERVATION_EXCEEDED,
        /** An archived product takes no new stock. */
        PRODUCT_ARCHIVED,
        /** A product with stock cannot be archived. */
        STOCK_ON_HAND,
        /** A product's quantity finer than its unit counts (1.5 EA): malformed for that product. */
        QUANTITY_PRECISION,
        /** A product's new unit would count more coarsely than its ledger already does. */
        UNIT_TOO_COARSE,
        /** A delivery would bring more than a purchase order line asks for, and the order does not allow it. */
        OVER_RECEIPT,
        /** A purchase order that is RECEIVED or CANCELLED takes no delivery and no cancel. */
        PURCHASE_ORDER_CLOSED,
        /** An edit based on a version someone else has changed since. */
        EDIT_CONFLICT,
        /** Enough is on hand, but not enough of it in unexpired lots (name a lot to take expired stock). */
        EXPIRED_STOCK,
        /** A lot exists with another expiry date than the one given. */
        LOT_EXPIRY_MISMATCH,
        /** A posted or cancelled stocktake is read-only. */
        STOCKTAKE_CLOSED,
        /** A stocktake limited to some SKUs counts those only. */
        NOT_IN_STOCKTAKE,
        /** Posting a stocktake would take stock below zero: stock left after the count. */
        STOCKTAKE_BELOW_ZERO,
        /** Rows of an imported file that break the rules, each by line and column (in {@link #facts()}). */
        INVALID_ROWS,
        /** The same file is being imported by another request at this moment. */
        IMPORT_IN_PROGRESS,
        /** Values that break their rules, each named by its field ({@link #fieldViolations()}). */
        INVALID_FIELDS
    }

    /**
     * One field that breaks a rule.
     *
     * @param field   the field's plain name, e.g. {@code quantity}, {@code to}
     * @param message what is wrong with it, in words a user can act on
     */
    public record FieldViolation(String field, String message) {
    }

    protected RuleViolation(String message) {
        super(message, null, false, false);  // expected: no stack trace to fill
    }

    public abstract Rule rule();

    /** Facts a client can act on (e.g. {@code onHand}), in the order they are best read. */
    public Map<String, Object> facts() {
        return Map.of();
    }

    /** For {@link Rule#INVALID_FIELDS}: the fields and what is wrong with each. */
    public List<FieldViolation> fieldViolations() {
        return List.of();
    }
}
