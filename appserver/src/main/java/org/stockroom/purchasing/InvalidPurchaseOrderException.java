package org.stockroom.purchasing;

import org.stockroom.rules.RuleViolation;

import java.util.List;

/** A new order or a delivery that breaks a rule of its fields (a SKU twice, one not on the order); each names its field. */
public class InvalidPurchaseOrderException extends RuleViolation {

    private final List<FieldViolation> violations;

    public InvalidPurchaseOrderException(String field, String message) {
        super(field + " " + message);
        this.violations = List.of(new FieldViolation(field, message));
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
