package org.stockroom.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request that breaks a rule of one or more of its fields, which only the domain can check (a
 * SKU twice on an order, a movement without the location its type needs); each violation names
 * its field. The features subclass it, so that their refusals keep names of their own.
 */
public class InvalidFieldsException extends RuleViolation {

    private final List<FieldViolation> violations;

    public InvalidFieldsException(List<FieldViolation> violations) {
        super(violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public InvalidFieldsException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    @Override
    public Rule rule() {
        return Rule.INVALID_FIELDS;
    }

    @Override
    public List<FieldViolation> fieldViolations() {
        return violations;
    }
}
