package org.stockroom.movement;

import org.stockroom.rules.InvalidFieldsException;

import java.util.List;

/** A movement does not have the shape its type requires; each violation names its field. */
public class InvalidMovementException extends InvalidFieldsException {

    public InvalidMovementException(List<FieldViolation> violations) {
        super(violations);
    }
}
