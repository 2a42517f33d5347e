package org.stockroom.purchasing;

import org.stockroom.rules.InvalidFieldsException;

/** A new order or a delivery that breaks a rule of its fields (a SKU twice, one not on the order); each names its field. */
public class InvalidPurchaseOrderException extends InvalidFieldsException {

    public InvalidPurchaseOrderException(String field, String message) {
        super(field, message);
    }
}
