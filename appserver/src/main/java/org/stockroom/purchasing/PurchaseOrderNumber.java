package org.stockroom.purchasing;

import org.stockroom.rules.Identifier;

/** A purchase order's number, e.g. {@code PO-1011}: an identifier like a SKU, at most 32 characters, never changed. */
public record PurchaseOrderNumber(String value) {

    public static final int MAX_LENGTH = 32;
    public static final String PATTERN = Identifier.PATTERN;
    public static final String RULE = Identifier.RULE;

    public PurchaseOrderNumber {
        Identifier.require("Purchase order number", value, MAX_LENGTH);
    }

    public static PurchaseOrderNumber of(String value) {
        return new PurchaseOrderNumber(value);
    }
}
