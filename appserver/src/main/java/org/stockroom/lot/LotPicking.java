package org.stockroom.lot;

import org.stockroom.product.Product;
import org.stockroom.stock.InsufficientStockException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which lots stock leaving a location comes from. Unless the movement names a lot, the first to
 * expire goes first (FEFO): the earliest expiry date, then lots that do not expire, and among
 * equals the lower lot number; one movement may take from several lots. Expired lots are left
 * alone unless named: a movement that would need them is refused ({@link ExpiredStockException}),
 * so that nobody hands out expired stock by accident.
 */
public final class LotPicking {

    /** First expiry first: the earliest date, lots without one last, then by lot number. */
    public static final Comparator<Lot> FIRST_EXPIRY_FIRST = Comparator
            .comparing(Lot::expiresOn, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(Lot::number);

    private LotPicking() {
    }

    /**
     * The lots {@code quantity} of {@code product} leaves {@code locationCode} from, first expiry
     * first, skipping lots expired on {@code today}.
     *
     * @param held what the location holds of each lot (lots it holds none of may be left out)
     */
    public static List<LotQuantity> firstExpiryFirst(Product product, String locationCode, List<LotStock> held,
                                                     BigDecimal quantity, LocalDate today) {
        List<LotStock> inOrder = held.stream()
                .filter(stock -> stock.onHand().signum() > 0)
                .sorted(Comparator.comparing(LotStock::lot, FIRST_EXPIRY_FIRST))
                .toList();
        BigDecimal usable = inOrder.stream().filter(stock -> !stock.lot().isExpiredOn(today))
                .map(LotStock::onHand).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (usable.compareTo(quantity) < 0) {
            List<String> expired = inOrder.stream().filter(stock -> stock.lot().isExpiredOn(today))
                    .map(stock -> stock.lot().number()).toList();
            if (expired.isEmpty()) {
                // The stock level refuses this first; reached only if lots and level disagreed.
                throw new InsufficientStockException(product.sku(), locationCode, product.inItsUnit(usable),
                        product.inItsUnit(quantity));
            }
            throw new ExpiredStockException(product.sku(), locationCode, product.inItsUnit(usable),
                    product.inItsUnit(quantity), expired);
        }
        List<LotQuantity> taken = new ArrayList<>();
        BigDecimal left = quantity;
        for (LotStock stock : inOrder) {
            if (left.signum() == 0) {
                break;
            }
            if (stock.lot().isExpiredOn(today)) {
                continue;
            }
            BigDecimal take = stock.onHand().min(left);
            taken.add(new LotQuantity(stock.lot(), take));
            left = left.subtract(take);
        }
        return List.copyOf(taken);
    }

    /**
     * {@code quantity} of the one lot a movement names, which the location must hold enough of;
     * expired or not.
     *
     * @param onHand what the location holds of that lot (0 when it never held it)
     */
    public static LotQuantity named(Product product, String locationCode, Lot lot, BigDecimal onHand,
                                    BigDecimal quantity) {
        if (onHand.compareTo(quantity) < 0) {
            throw InsufficientStockException.ofLot(product.sku(), locationCode, lot.number(),
                    product.inItsUnit(onHand), product.inItsUnit(quantity));
        }
        return new LotQuantity(lot, quantity);
    }

}
