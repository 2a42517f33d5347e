package org.stockroom.client;

import org.stockroom.client.model.Movement;
import org.stockroom.client.model.MovementQuery;
import org.stockroom.client.model.NewMovement;

/** The ledger: receipts, issues, transfers and adjustments, {@code /movements}. From {@link StockroomClient#movements()}. */
public final class Movements {

    private final Transport transport;

    Movements(Transport transport) {
        this.transport = transport;
    }

    /**
     * Records a receipt, issue, transfer or adjustment. Refused with status 409 when stock is
     * insufficient; the problem then carries the {@code onHand} and {@code requested} figures.
     */
    public Movement record(NewMovement movement) {
        return transport.send(Call.post("/movements", movement), Movement.class);
    }

    /**
     * Records a movement, retried as the {@link RetryPolicy} allows with the same key on every
     * attempt; the server records it once however often the key arrives, and answers a repeat
     * with the movement it recorded the first time.
     */
    public Movement record(NewMovement movement, String idempotencyKey) {
        return transport.send(Call.post("/movements", movement).idempotencyKey(idempotencyKey), Movement.class);
    }

    public Page<Movement> list(MovementQuery query) {
        return transport.page("/movements" + new QueryString()
                .add("sku", query.sku())
                .add("location", query.location())
                .add("since", query.since())
                .page(query.limit(), query.after()), Movement.class);
    }

    public Movement get(long id) {
        return transport.send(Call.get("/movements/" + id), Movement.class);
    }
}
