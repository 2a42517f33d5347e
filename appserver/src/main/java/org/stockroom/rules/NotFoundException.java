package org.stockroom.rules;

/** What a request names (a product, a location, a movement) does not exist. */
public class NotFoundException extends RuleViolation {

    public NotFoundException(String what, String key) {
        super("No " + what + " '" + key + "' exists");
    }

    @Override
    public Rule rule() {
        return Rule.NOT_FOUND;
    }
}
