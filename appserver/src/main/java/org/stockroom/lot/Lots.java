package org.stockroom.lot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stockroom.location.Location;
import org.stockroom.product.Product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The lots a movement of a lot-tracked product moves, worked out inside the movement's
 * transaction (the movement service calls it holding the product's lock and the stock level's):
 * the lot stock arrives into, made on its first receipt, and the lots stock leaves from.
 */
@ApplicationScoped
public class Lots {

    private final LotRepository lots;

    @Inject
    public Lots(LotRepository lots) {
        this.lots = lots;
    }

    /**
     * The lot of {@code product} numbered {@code number} that stock arrives into: the existing
     * one, whose expiry {@code expiresOn} must agree with (null agrees), or a new one expiring then.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Lot arriving(Product product, LotNumber number, LocalDate expiresOn) {
        Optional<Lot> existing = lots.find(product, number);
        if (existing.isPresent()) {
            existing.get().requireExpiry(expiresOn);
            return existing.get();
        }
        Lot lot = Lot.of(product, number, expiresOn);
        lots.add(lot);
        return lot;
    }

    /**
     * The lots {@code quantity} of {@code product} leaves {@code location} from: the one named,
     * expired or not, or else the first to expire of those that have not ({@link LotPicking}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LotQuantity> leaving(Product product, Location location, BigDecimal quantity, LotNumber named) {
        if (named != null) {
            Lot lot = lots.find(product, named).orElseThrow(() -> new UnknownLotException(product.sku(), named.value()));
            return List.of(LotPicking.named(product, location.code(), lot, lots.onHand(lot, location), quantity));
        }
        return LotPicking.firstExpiryFirst(product, location.code(), lots.heldAt(product, location), quantity,
                today());
    }

    /**
     * The date expiry is judged by: the server's own (its time zone's; UTC in the container image).
     * A lot expiring today may still be used today.
     */
    public static LocalDate today() {
        return LocalDate.now();
    }
}
