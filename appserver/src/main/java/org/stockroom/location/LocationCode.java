package org.stockroom.location;

import org.stockroom.rules.Identifier;

/** A location's code: the identifier clients name it by, which never changes. */
public record LocationCode(String value) {

    public static final int MAX_LENGTH = 32;
    public static final String PATTERN = Identifier.PATTERN;
    public static final String RULE = Identifier.RULE;

    public LocationCode {
        Identifier.require("Location code", value, MAX_LENGTH);
    }

    public static LocationCode of(String value) {
        return new LocationCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
