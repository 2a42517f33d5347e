package org.stockroom.lot;

import org.stockroom.location.Location;
import org.stockroom.product.Product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The lots of each product, and what each location holds of them. */
public interface LotRepository {

    Optional<Lot> find(Product product, LotNumber number);

    /** Adds a new lot and writes it now, so that a movement can name it. */
    void add(Lot lot);

    /** What the location holds of each lot of the product, only the lots it holds some of. */
    List<LotStock> heldAt(Product product, Location location);

    /** What the location holds of the lot; 0 when it never held any. */
    BigDecimal onHand(Lot lot, Location location);

    /** Up to {@code limit} rows of the stock-by-lot report after {@code after}, in its order; expired as of {@code today}. */
    List<LotLevelView> levels(LotQuery query, LotLevelKey after, LocalDate today, int limit);

    /**
     * Up to {@code limit} rows of lots in stock that expire on or before {@code until} (expired
     * ones included), after {@code after}, soonest first.
     */
    List<ExpiringLotView> expiring(LocalDate until, String locationCode, LocalDate today, ExpiringLotKey after,
                                   int limit);
}
