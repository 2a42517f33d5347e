package org.stockroom.client;

import org.stockroom.client.model.NewPurchaseOrder;
import org.stockroom.client.model.NewReceipt;
import org.stockroom.client.model.PurchaseOrder;
import org.stockroom.client.model.PurchaseOrderQuery;
import org.stockroom.client.model.PurchaseOrderSummary;
import org.stockroom.client.model.PurchaseReceipt;

/** Purchase orders and their deliveries: {@code /purchase-orders}. From {@link StockroomClient#purchaseOrders()}. */
public final class PurchaseOrders {

    private static final String PATH = "/purchase-orders";

    private final Transport transport;

    PurchaseOrders(Transport transport) {
        this.transport = transport;
    }

    /** Creates an order (managers); sent once, since without a key a repeat could not be told from a new request. */
    public Versioned<PurchaseOrder> create(NewPurchaseOrder order) {
        return transport.sendVersioned(Call.post(PATH, order), PurchaseOrder.class);
    }

    /** Creates an order, retried as the {@link RetryPolicy} allows with the same key on every attempt. */
    public Versioned<PurchaseOrder> create(NewPurchaseOrder order, String idempotencyKey) {
        return transport.sendVersioned(Call.post(PATH, order).idempotencyKey(idempotencyKey), PurchaseOrder.class);
    }

    /** One page of the orders that match, newest first, without their lines. */
    public Page<PurchaseOrderSummary> list(PurchaseOrderQuery query) {
        return transport.page(PATH + new QueryString()
                .add("status", query.status() == null ? null : query.status().name())
                .add("supplier", query.supplier())
                .page(query.limit(), query.after()), PurchaseOrderSummary.class);
    }

    /** The order with its lines and deliveries, and its ETag for {@link #cancel}. */
    public Versioned<PurchaseOrder> get(String number) {
        return transport.sendVersioned(Call.get(PATH + QueryString.segment(number)), PurchaseOrder.class);
    }

    /**
     * Receives a delivery (clerks): one RECEIVE movement per line. Refused with status 409
     * {@code over-receipt} when a line brings more than is outstanding and the order does not allow
     * it; the problem then carries {@code sku}, {@code ordered}, {@code received}, {@code outstanding}
     * and {@code delivered}. Sent once: use the keyed form to have it retried.
     */
    public PurchaseReceipt receive(String number, NewReceipt delivery) {
        return transport.send(Call.post(receiptsOf(number), delivery), PurchaseReceipt.class);
    }

    /**
     * Receives a delivery, retried as the {@link RetryPolicy} allows with the same key on every
     * attempt; the server receives it once however often the key arrives.
     */
    public PurchaseReceipt receive(String number, NewReceipt delivery, String idempotencyKey) {
        return transport.send(Call.post(receiptsOf(number), delivery).idempotencyKey(idempotencyKey),
                PurchaseReceipt.class);
    }

    /** One delivery of the order. */
    public PurchaseReceipt receipt(String number, long id) {
        return transport.send(Call.get(receiptsOf(number) + "/" + id), PurchaseReceipt.class);
    }

    /**
     * Cancels an OPEN order (managers) provided it still carries {@code etag} ({@code *} for any):
     * what arrived stays, the rest is no longer expected. 412 means it changed in between (a
     * delivery); 409 {@code purchase-order-closed} that it is closed already. Sent once, never retried.
     */
    public Versioned<PurchaseOrder> cancel(String number, String etag) {
        Call call = Call.post(PATH + QueryString.segment(number) + "/cancel", null);
        if (etag != null) {  // without one the server answers 428, which says what is missing
            call = call.header("If-Match", etag);
        }
        return transport.sendVersioned(call, PurchaseOrder.class);
    }

    private static String receiptsOf(String number) {
        return PATH + QueryString.segment(number) + "/receipts";
    }
}
