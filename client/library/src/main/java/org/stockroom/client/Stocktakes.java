package org.stockroom.client;

import org.stockroom.client.model.Count;
import org.stockroom.client.model.NewStocktake;
import org.stockroom.client.model.Stocktake;
import org.stockroom.client.model.StocktakeLine;
import org.stockroom.client.model.StocktakeQuery;
import org.stockroom.client.model.StocktakeSummary;

import java.math.BigDecimal;

/**
 * Stocktakes (cycle counts), {@code /stocktakes}: open a count of a location, enter what was
 * counted, then post the differences as adjustments (managers) or cancel. From
 * {@link StockroomClient#stocktakes()}.
 */
public final class Stocktakes {

    private final Transport transport;

    Stocktakes(Transport transport) {
        this.transport = transport;
    }

    /** Opens a stocktake; refused (409) while the location has one open. Sent once. */
    public Versioned<Stocktake> open(NewStocktake stocktake) {
        return transport.sendVersioned(Call.post("/stocktakes", stocktake), Stocktake.class);
    }

    /** Opens a stocktake, retried as the {@link RetryPolicy} allows with the same key; opened once. */
    public Versioned<Stocktake> open(NewStocktake stocktake, String idempotencyKey) {
        return transport.sendVersioned(Call.post("/stocktakes", stocktake).idempotencyKey(idempotencyKey),
                Stocktake.class);
    }

    /** One page of stocktakes, newest first. */
    public Page<StocktakeSummary> list(StocktakeQuery query) {
        return transport.page("/stocktakes" + new QueryString()
                .add("status", query.status())
                .add("location", query.location())
                .page(query.limit(), query.after()), StocktakeSummary.class);
    }

    /** The stocktake with its lines, and its ETag for {@link #post}. */
    public Versioned<Stocktake> get(long id) {
        return transport.sendVersioned(Call.get("/stocktakes/" + id), Stocktake.class);
    }

    /**
     * Enters what was counted of a product; the server notes what was on hand at that moment.
     * Counting a product again replaces its line. Sent once.
     */
    public StocktakeLine count(long id, String sku, BigDecimal counted) {
        return transport.send(Call.put("/stocktakes/" + id + "/lines" + QueryString.segment(sku), new Count(counted)),
                StocktakeLine.class);
    }

    /**
     * Posts the stocktake as it was when read with {@code etag}: its differences become ADJUST
     * movements. 412 if it was counted since, 409 if it was closed or a difference would take
     * stock below zero. Sent once.
     */
    public Versioned<Stocktake> post(long id, String etag) {
        return transport.sendVersioned(postCall(id, etag), Stocktake.class);
    }

    /** Posts as {@link #post(long, String)}, retried with the same key: posted once, the answer replayed. */
    public Versioned<Stocktake> post(long id, String etag, String idempotencyKey) {
        return transport.sendVersioned(postCall(id, etag).idempotencyKey(idempotencyKey), Stocktake.class);
    }

    /** Closes an open stocktake without changing stock. Sent once. */
    public Versioned<Stocktake> cancel(long id) {
        return transport.sendVersioned(Call.post("/stocktakes/" + id + "/cancel", null), Stocktake.class);
    }

    private static Call postCall(long id, String etag) {
        Call call = Call.post("/stocktakes/" + id + "/post", null);
        // Without one the server answers 428, which says what is missing.
        return etag == null ? call : call.header("If-Match", etag);
    }
}
