package org.stockroom.stock;

import org.stockroom.problem.ConflictException;
import org.stockroom.problem.ProblemTypes;

/** 409: a movement would take more stock out of a location than it holds. */
public class InsufficientStockException extends ConflictException {

    public InsufficientStockException(String sku, String locationCode, long onHand, long requested) {
        super(ProblemTypes.INSUFFICIENT_STOCK, "Insufficient stock",
                "Insufficient stock of " + sku + " at " + locationCode + ": " + onHand + " on hand, "
                        + requested + " requested");
        with("sku", sku);
        with("location", locationCode);
        with("onHand", onHand);
        with("requested", requested);
    }
}
