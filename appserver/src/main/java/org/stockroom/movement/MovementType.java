package org.stockroom.movement;

import org.stockroom.problem.FieldError;

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

    /** What is wrong with a movement of this type, as field errors; empty when its shape is right. */
    List<FieldError> shapeErrors(int quantity, String from, String to, String reason) {
        List<FieldError> errors = new ArrayList<>();
        switch (this) {
            case RECEIVE -> {
                requirePositive(quantity, errors);
                require("/to", to, "the location receiving the stock", errors);
                forbid("/from", from, errors);
            }
            case ISSUE -> {
                requirePositive(quantity, errors);
                require("/from", from, "the location the stock leaves", errors);
                forbid("/to", to, errors);
            }
            case TRANSFER -> {
                requirePositive(quantity, errors);
                require("/from", from, "the location the stock leaves", errors);
                require("/to", to, "the location the stock goes to", errors);
                if (from != null && from.equals(to)) {
                    errors.add(new FieldError("/to", "must differ from 'from'"));
                }
            }
            case ADJUST -> {
                if (quantity == 0) {
                    errors.add(new FieldError("/quantity", "must not be 0 for ADJUST"));
                }
                if ((from == null) == (to == null)) {
                    errors.add(new FieldError("/to", "ADJUST needs exactly one location, in 'to' (or 'from')"));
                }
                if (reason == null || reason.isBlank()) {
                    errors.add(new FieldError("/reason", "is required for ADJUST"));
                }
            }
        }
        return errors;
    }

    private void requirePositive(int quantity, List<FieldError> errors) {
        if (quantity <= 0) {
            errors.add(new FieldError("/quantity", "must be greater than 0 for " + this));
        }
    }

    private void require(String pointer, String value, String meaning, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(pointer, "is required for " + this + ": " + meaning));
        }
    }

    private void forbid(String pointer, String value, List<FieldError> errors) {
        if (value != null) {
            errors.add(new FieldError(pointer, "must be empty for " + this));
        }
    }
}
