package org.stockroom.reservation;

import org.stockroom.rules.RuleViolation;

import java.util.List;

/** A reservation, or an issue that names one, breaks a rule of one of its fields; the violation names the field. */
public class InvalidReservationException extends RuleViolation {

    private final List<FieldViolation> violations;

    public InvalidReservationException(String field, String message) {
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
