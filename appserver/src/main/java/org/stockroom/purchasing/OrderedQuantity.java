package org.stockroom.purchasing;

import org.stockroom.product.Product;

import java.math.BigDecimal;

/** What a new order asks for of one product. */
public record OrderedQuantity(Product product, BigDecimal quantity) {
}
