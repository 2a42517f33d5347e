package org.stockroom.rules;

/** Something with the identifier a request chose (a SKU, a location code) exists already. */
public class AlreadyExistsException extends RuleViolation {

    public AlreadyExistsException(String what, String identifierName, String identifier) {
        super("A " + what + " with " + identifierName + " '" + identifier + "' already exists");
    }

    @Override
    public Rule rule() {
        return Rule.ALREADY_EXISTS;
    }
}
