package org.stockroom.movement;

import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.math.BigDecimal;
import java.time.LocalDate;

/** How much of one lot a movement moved, as the API shows it. */
@JsonbNillable
@Schema(description = "How much of one lot a movement moved", properties = {
        @SchemaProperty(name = "lot", description = "The lot number"),
        @SchemaProperty(name = "expiresOn", nullable = true, description = "The lot's expiry date; null if it does not "
                + "expire"),
        @SchemaProperty(name = "quantity", description = "Signed like the movement's quantity; the lots of a movement "
                + "add up to it")})
public record MovedLotView(String lot, LocalDate expiresOn, BigDecimal quantity) {

    static MovedLotView of(MovedLot moved, StockMovement movement) {
        return new MovedLotView(moved.lot().number(), moved.lot().expiresOn(),
                movement.product().inItsUnit(moved.quantity()));
    }
}
