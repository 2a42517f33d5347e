package org.stockroom.client;

import org.stockroom.client.model.StockLevel;
import org.stockroom.client.model.StockQuery;

/** What is on hand where: {@code /stock}. From {@link StockroomClient#stock()}. */
public final class Stock {

    private final Transport transport;

    Stock(Transport transport) {
        this.transport = transport;
    }

    /** One page of stock levels, a row per product and location. */
    public Page<StockLevel> levels(StockQuery query) {
        return transport.page("/stock" + new QueryString()
                .add("sku", query.sku())
                .add("location", query.location())
                .add("belowReorder", query.belowReorder())
                .page(query.limit(), query.after()), StockLevel.class);
    }
}
