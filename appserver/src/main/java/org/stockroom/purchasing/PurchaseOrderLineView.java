package org.stockroom.purchasing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.math.BigDecimal;

/** An order line as the API shows it; quantities in the product's unit's decimal places. */
@Schema(description = "What the order asks for of one product, and how much has arrived", properties = {
        @SchemaProperty(name = "name", description = "The product's name"),
        @SchemaProperty(name = "unitOfMeasure", description = "The product's unit"),
        @SchemaProperty(name = "ordered", description = "How much was ordered"),
        @SchemaProperty(name = "received", description = "How much the deliveries brought so far"),
        @SchemaProperty(name = "outstanding", description = "How much is still expected: ordered less received, "
                + "never below 0; 0 once the order is RECEIVED or CANCELLED")})
public record PurchaseOrderLineView(String sku, String name, String unitOfMeasure, BigDecimal ordered,
                                    BigDecimal received, BigDecimal outstanding) {

    static PurchaseOrderLineView of(PurchaseOrderLine line) {
        var product = line.product();
        return new PurchaseOrderLineView(product.sku(), product.name(), product.unitOfMeasure(),
                product.inItsUnit(line.quantityOrdered()), product.inItsUnit(line.quantityReceived()),
                product.inItsUnit(line.outstanding()));
    }
}
