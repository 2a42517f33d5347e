package org.stockroom.product;

import org.stockroom.problem.ConflictException;
import org.stockroom.problem.ProblemTypes;

/** 409: a product cannot be archived while any location still holds some of it. */
public class StockOnHandException extends ConflictException {

    public StockOnHandException(String sku, long onHand) {
        super(ProblemTypes.STOCK_ON_HAND, "Stock on hand",
                "Product '" + sku + "' still has " + onHand + " on hand; issue or adjust it to zero before archiving");
        with("onHand", onHand);
    }
}
