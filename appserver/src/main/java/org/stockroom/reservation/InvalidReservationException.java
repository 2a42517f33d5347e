package org.stockroom.reservation;

import org.stockroom.rules.InvalidFieldsException;

/** A reservation, or an issue that names one, breaks a rule of one of its fields; the violation names the field. */
public class InvalidReservationException extends InvalidFieldsException {

    public InvalidReservationException(String field, String message) {
        super(field, message);
    }
}
