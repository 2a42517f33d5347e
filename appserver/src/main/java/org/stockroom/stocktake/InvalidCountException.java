package org.stockroom.stocktake;

import org.stockroom.rules.RuleViolation;

import java.util.List;

/** A counted quantity that no shelf can hold: negative, or (for now) one the ledger cannot record. */
public class InvalidCountException extends RuleViolation {

    private final String message;

    public InvalidCountException(String message) {
        super("counted " + message);
        this.message = message;
    }

    @Override
    public Rule rule() {
        return Rule.INVALID_FIELDS;
    }

    @Override
    public List<FieldViolation> fieldViolations() {
        return List.of(new FieldViolation("counted", message));
    }
}
