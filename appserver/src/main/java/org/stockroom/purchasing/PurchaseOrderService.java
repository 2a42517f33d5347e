package org.stockroom.purchasing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stockroom.location.Location;
import org.stockroom.location.LocationRepository;
import org.stockroom.movement.MovementCommand;
import org.stockroom.movement.MovementService;
import org.stockroom.movement.MovementType;
import org.stockroom.movement.StockMovement;
import org.stockroom.product.Product;
import org.stockroom.product.ProductRepository;
import org.stockroom.rules.AlreadyExistsException;
import org.stockroom.rules.NotFoundException;
import org.stockroom.rules.StaleEditException;
import org.stockroom.security.CurrentUser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * Use cases of purchasing: create an order, receive deliveries against it, cancel it.
 *
 * <p>A delivery writes one RECEIVE movement per line through {@link MovementService}, which
 * locks each product and level as every movement does, with the order number as the movement's
 * reference, and keeps a receipt that names those movements: all in one transaction, all or
 * nothing. Concurrency: the order row is locked first ({@code FOR NO KEY UPDATE}), so two
 * deliveries of one order (or a delivery and a cancel) run one after the other, and the second
 * checks for over-receipt against what the first received; the products are then locked in SKU
 * order, the same order for every delivery.
 *
 * <p>Each step is announced as a fact ({@link PurchaseOrderCreated}, {@link PurchaseOrderReceived},
 * {@link PurchaseOrderCancelled}) in its transaction, where the audit trail records it.
 */
@ApplicationScoped
public class PurchaseOrderService {

    private final PurchaseOrderRepository orders;
    private final ProductRepository products;
    private final LocationRepository locations;
    private final MovementService movements;
    private final CurrentUser currentUser;
    private final Event<Object> events;

    @Inject
    public PurchaseOrderService(PurchaseOrderRepository orders, ProductRepository products,
                                LocationRepository locations, MovementService movements, CurrentUser currentUser,
                                Event<Object> events) {
        this.orders = orders;
        this.products = products;
        this.locations = locations;
        this.movements = movements;
        this.currentUser = currentUser;
        this.events = events;
    }

    @Transactional
    public PurchaseOrder create(NewPurchaseOrder request) {
        String number = request.number().value();
        List<OrderedQuantity> ordered = new ArrayList<>();
        for (NewPurchaseOrder.Line line : request.lines()) {
            Product product = products.findBySku(line.sku())
                    .orElseThrow(() -> new NotFoundException("product", line.sku()));
            ordered.add(new OrderedQuantity(product, line.quantity()));
        }
        PurchaseOrder order = new PurchaseOrder(request.number(), request.supplier(), request.allowOverReceipt(),
                request.expectedOn(), request.note(), currentUser.username(), ordered);
        if (orders.existsByNumber(number)) {
            throw new AlreadyExistsException("purchase order", "number", number);
        }
        orders.add(order);
        orders.flush();
        events.fire(new PurchaseOrderCreated(order));
        return order;
    }

    /** The order, its lines and its deliveries. */
    @Transactional
    public OrderWithReceipts get(String number) {
        PurchaseOrder order = withLines(find(number));
        return new OrderWithReceipts(order, orders.receiptsOf(order));
    }

    @Transactional
    public List<PurchaseOrder> search(PurchaseOrderQuery query, Long beforeId, int limit) {
        return orders.search(query, beforeId, limit);
    }

    @Transactional
    public PurchaseReceipt receipt(String number, long id) {
        PurchaseOrder order = find(number);
        return orders.findReceipt(order, id)
                .orElseThrow(() -> new NotFoundException("receipt", number + "/" + id));
    }

    /**
     * Receives a delivery: checks it against the order under the order's lock (404 for an unknown
     * order or location, 422 for a SKU not on the order, 409 for a closed order or over-receipt),
     * records a RECEIVE per line, and keeps the receipt.
     */
    @Transactional
    public PurchaseReceipt receive(String number, Delivery delivery) {
        PurchaseOrder order = orders.findByNumberForUpdate(number)
                .orElseThrow(() -> new NotFoundException("purchase order", number));
        Location location = locations.findByCode(delivery.location())
                .orElseThrow(() -> new NotFoundException("location", delivery.location()));
        List<Arrival> arrivals = order.arrivalsOf(delivery.lines());

        Map<Arrival, StockMovement> recorded = new LinkedHashMap<>();
        for (Arrival arrival : arrivals) {
            recorded.put(arrival, movements.record(new MovementCommand(MovementType.RECEIVE, arrival.sku(),
                    arrival.quantity(), null, location.code(), null, order.number())));
        }
        PurchaseReceipt receipt = order.receive(location, recorded, currentUser.username(), delivery.reference());
        orders.addReceipt(receipt);
        orders.flush();
        events.fire(new PurchaseOrderReceived(order, receipt));
        return receipt;
    }

    /**
     * Cancels an OPEN order if the client's version is still the current one. The order is
     * locked first, so a delivery in flight finishes before, and its new version is the one checked.
     */
    @Transactional
    public OrderWithReceipts cancel(String number, LongPredicate isExpectedVersion) {
        PurchaseOrder order = orders.findByNumberForUpdate(number)
                .orElseThrow(() -> new NotFoundException("purchase order", number));
        if (!isExpectedVersion.test(order.version())) {
            throw new StaleEditException("Purchase order '" + number + "' was changed since you read it (a delivery,"
                    + " or a cancel); read it again", order.version());
        }
        order.cancel();
        orders.flush();
        events.fire(new PurchaseOrderCancelled(order));
        return new OrderWithReceipts(withLines(order), orders.receiptsOf(order));
    }

    /** The order with its lines and their products read, for a view made after the transaction. */
    private static PurchaseOrder withLines(PurchaseOrder order) {
        order.lines().forEach(line -> line.product().sku());
        return order;
    }

    private PurchaseOrder find(String number) {
        return orders.findByNumber(number).orElseThrow(() -> new NotFoundException("purchase order", number));
    }

    /** An order with its deliveries, oldest first. */
    public record OrderWithReceipts(PurchaseOrder order, List<PurchaseReceipt> receipts) {
    }
}
