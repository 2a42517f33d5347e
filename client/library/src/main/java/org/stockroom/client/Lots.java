package org.stockroom.client;

import org.stockroom.client.model.ExpiringLot;
import org.stockroom.client.model.ExpiringLotQuery;
import org.stockroom.client.model.LotLevel;
import org.stockroom.client.model.LotQuery;

/**
 * The lots of lot-tracked products: what is on hand of each ({@code /stock/lots}) and which
 * expire soon ({@code /lots/expiring}). From {@link StockroomClient#lots()}.
 */
public final class Lots {

    private final Transport transport;

    Lots(Transport transport) {
        this.transport = transport;
    }

    /** One page of stock by lot: a row per lot and location holding some, first expiry first within a location. */
    public Page<LotLevel> levels(LotQuery query) {
        return transport.page("/stock/lots" + new QueryString()
                .add("sku", query.sku())
                .add("location", query.location())
                .page(query.limit(), query.after()), LotLevel.class);
    }

    /** One page of the lots in stock that expire within the query's days or have expired, soonest first. */
    public Page<ExpiringLot> expiring(ExpiringLotQuery query) {
        return transport.page("/lots/expiring" + new QueryString()
                .add("days", query.days())
                .add("location", query.location())
                .page(query.limit(), query.after()), ExpiringLot.class);
    }
}
