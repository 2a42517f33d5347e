package org.stockroom.client;

import org.stockroom.client.model.AuditEvent;
import org.stockroom.client.model.AuditQuery;

/** Who changed what: {@code /audit}. From {@link StockroomClient#audit()}. */
public final class Audit {

    private final Transport transport;

    Audit(Transport transport) {
        this.transport = transport;
    }

    /** Who changed what, newest first; for managers and admins (others get a 403 problem). */
    public Page<AuditEvent> list(AuditQuery query) {
        return transport.page("/audit" + new QueryString()
                .add("user", query.user())
                .add("since", query.since())
                .page(query.limit(), query.after()), AuditEvent.class);
    }
}
