package org.stockroom.product;

import org.stockroom.rules.Identifier;

/** A product's stock-keeping unit: the identifier clients name it by, which never changes. */
public record Sku(String value) {

    public static final int MAX_LENGTH = 64;
    public static final String PATTERN = Identifier.PATTERN;
    public static final String RULE = Identifier.RULE;

    public Sku {
        Identifier.require("SKU", value, MAX_LENGTH);
    }

    public static Sku of(String value) {
        return new Sku(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
