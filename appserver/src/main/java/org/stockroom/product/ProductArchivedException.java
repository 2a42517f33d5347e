package org.stockroom.product;

import org.stockroom.rules.RuleViolation;

/** An archived product takes no new stock (receipts, positive adjustments). */
public class ProductArchivedException extends RuleViolation {

    public ProductArchivedException(String sku) {
        super("Product '" + sku + "' is archived and takes no new stock");
    }

    @Override
    public Rule rule() {
        return Rule.PRODUCT_ARCHIVED;
    }
}
