package org.stockroom.lot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** Use cases of the lot reports: stock by lot, and lots that expire soon. */
@ApplicationScoped
public class LotService {

    private final LotRepository lots;

    @Inject
    public LotService(LotRepository lots) {
        this.lots = lots;
    }

    /** Up to {@code limit} rows of stock by lot after {@code after} (null: from the start). */
    @Transactional
    public List<LotLevelView> levels(LotQuery query, LotLevelKey after, int limit) {
        return lots.levels(query, after, Lots.today(), limit);
    }

    /**
     * Up to {@code limit} lots in stock that expire within {@code days} days from today or have
     * expired already, soonest first, after {@code after} (null: from the start).
     */
    @Transactional
    public List<ExpiringLotView> expiring(int days, String locationCode, ExpiringLotKey after, int limit) {
        java.time.LocalDate today = Lots.today();
        return lots.expiring(today.plusDays(days), locationCode, today, after, limit);
    }
}
