package org.stockroom.stocktake;

import org.stockroom.rules.InvalidFieldsException;

/** A counted quantity that no shelf can hold, such as a negative one; the violation names the field "counted". */
public class InvalidCountException extends InvalidFieldsException {

    public InvalidCountException(String message) {
        super("counted", message);
    }
}
