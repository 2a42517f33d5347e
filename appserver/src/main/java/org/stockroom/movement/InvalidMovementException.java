package org.stockroom.movement;

import org.stockroom.rules.RuleViolation;

import java.util.List;
import java.util.stream.Collectors;

/** A movement does not have the shape its type requires; each violation names its field. */
public class InvalidMovementException extends RuleViolation {

    private final List<FieldViolation> violations;

    public InvalidMovementException(List<FieldViolation> violations) {
        super(violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
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
