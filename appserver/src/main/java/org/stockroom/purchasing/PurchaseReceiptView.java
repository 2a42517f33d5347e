package org.stockroom.purchasing;

import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A delivery as the API shows it. */
@JsonbNillable
@Schema(description = "A delivery received against a purchase order; never changed", properties = {
        @SchemaProperty(name = "id", description = "Assigned by the server, increasing"),
        @SchemaProperty(name = "order", description = "The purchase order's number"),
        @SchemaProperty(name = "location", description = "The code of the location the goods went into"),
        @SchemaProperty(name = "receivedAt", description = "When the server recorded it"),
        @SchemaProperty(name = "receivedBy", description = "Who recorded it"),
        @SchemaProperty(name = "reference", nullable = true, description = "The delivery's outside reference"),
        @SchemaProperty(name = "lines", description = "What arrived, in SKU order, each the RECEIVE movement it wrote")})
public record PurchaseReceiptView(long id, String order, String location, Instant receivedAt, String receivedBy,
                                  String reference, List<Line> lines) {

    /** One line of a delivery. */
    @Schema(name = "PurchaseReceiptLine", description = "What a delivery brought of one product", properties = {
            @SchemaProperty(name = "quantity", description = "In the product's unit's decimal places"),
            @SchemaProperty(name = "movementId", description = "The RECEIVE movement it wrote (GET /movements/{id}); "
                    + "its reference is the order's number")})
    public record Line(String sku, BigDecimal quantity, long movementId) {
    }

    static PurchaseReceiptView of(PurchaseReceipt receipt) {
        return new PurchaseReceiptView(receipt.id(), receipt.order().number(), receipt.location().code(),
                receipt.receivedAt(), receipt.receivedBy(), receipt.reference(),
                receipt.lines().stream().map(line -> new Line(line.movement().product().sku(),
                        line.movement().product().inItsUnit(line.quantity()), line.movement().id())).toList());
    }
}
