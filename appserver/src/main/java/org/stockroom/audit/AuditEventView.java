package org.stockroom.audit;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/** An audit event as the API shows it. */
@JsonbPropertyOrder({"id", "occurredAt", "user", "action", "subjectType", "subjectKey", "details"})
public record AuditEventView(long id, Instant occurredAt, String user, String action, String subjectType,
                             String subjectKey, JsonObject details) {

    static AuditEventView of(AuditEvent event) {
        return new AuditEventView(event.id(), event.occurredAt(), event.username(), event.action(),
                event.subjectType(), event.subjectKey(), event.details());
    }
}
