package org.stockroom.movement;

import org.stockroom.rules.RuleViolation.FieldViolation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The four ways stock changes, and the shape each movement must have. */
public enum MovementType {
    /** Stock arrives from outside (a purchase order, a return) into {@code to}. */
    RECEIVE,
    /** Stock leaves {@code from} for outside (a sale, a job). */
    ISSUE,
    /** A signed correction at one location (a count, damage); always with a reason. */
    ADJUST,
    /** Stock moves from one location to another, all or nothing. */
    TRANSFER;

    /**
     * Refuses a movement of this type that does not have its shape, naming every field that is
     * wrong once; {@code from} and {@code to} are location codes (or null when not given).
     */
    void requireShape(BigDecimal quantity, String from, String to, String reason) {
        List<FieldViolation> violations = new ArrayList<>();
        switch (this) {
            case RECEIVE -> {
                requirePositive(quantity, violations);
                require("to", to, "the location receiving the stock", violations);
                forbid("from", from, violations);
            }
            case ISSUE -> {
                requirePositive(quantity, violations);
                require("from", from, "the location the stock leaves", violations);
                forbid("to", to, violations);
            }
            case TRANSFER -> {
                requirePositive(quantity, violations);
                require("from", from, "the location the stock leaves", violations);
                require("to", to, "the location the stock goes to", violations);
                if (from != null && from.equals(to)) {
                    violations.add(new FieldViolation("to", "must differ from 'from'"));
                }
            }
            case ADJUST -> {
                if (quantity.signum() == 0) {
                    violations.add(new FieldViolation("quantity", "must not be 0 for ADJUST"));
                }
                if ((from == null) == (to == null)) {
                    violations.add(new FieldViolation("to", "ADJUST needs exactly one location, in 'to' (or 'from')"));
                }
                if (reason == null || reason.isBlank()) {
                    violations.add(new FieldViolation("reason", "is required for ADJUST"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidMovementException(violations);
        }
    }

    private void requirePositive(BigDecimal quantity, List<FieldViolation> violations) {
        if (quantity.signum() <= 0) {
            violations.add(new FieldViolation("quantity", "must be greater than 0 for " + this));
        }
    }

    private void require(String field, String value, String meaning, List<FieldViolation> violations) {
        if (value == null) {
            violations.add(new FieldViolation(field, "is required for " + this + ": " + meaning));
        }
    }

    private void forbid(String field, String value, List<FieldViolation> violations) {
        if (value != null) {
            violations.add(new FieldViolation(field, "must be empty for " + this));
        }
    }
}
