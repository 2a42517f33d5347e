package org.stockroom.movement;

import org.stockroom.location.Location;
import org.stockroom.product.Product;

import java.math.BigDecimal;

/** A validated request to record one movement; location fields hold location codes. */
public record MovementCommand(MovementType type, String sku, BigDecimal quantity, String from, String to,
                              String reason, String reference) {

    /** Refuses a command without its type's shape, before anything it names is looked up. */
    void requireShape() {
        type.requireShape(quantity, from, to, reason);
    }

    /** The movement this command asks for, of the product and locations it names. */
    StockMovement movementOf(Product product, Location fromLocation, Location toLocation, String recordedBy) {
        return switch (type) {
            case RECEIVE -> StockMovement.receipt(product, toLocation, quantity, reason, reference, recordedBy);
            case ISSUE -> StockMovement.issue(product, fromLocation, quantity, reason, reference, recordedBy);
            case TRANSFER -> StockMovement.transfer(product, fromLocation, toLocation, quantity, reason, reference,
                    recordedBy);
            case ADJUST -> StockMovement.adjustment(product, fromLocation, toLocation, quantity, reason, reference,
                    recordedBy);
        };
    }
}
