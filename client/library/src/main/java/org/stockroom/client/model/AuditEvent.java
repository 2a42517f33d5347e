package org.stockroom.client.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the server's audit trail: who did what to which subject, and what changed.
 *
 * @param action  e.g. {@code product.revised} or {@code movement.recorded}
 * @param details what changed, by action; JSON numbers arrive as {@link java.math.BigDecimal}
 */
@JsonbPropertyOrder({"id", "occurredAt", "user", "action", "subjectType", "subjectKey", "details"})
public record AuditEvent(long id, Instant occurredAt, String user, String action, String subjectType,
                         String subjectKey, Map<String, Object> details) {
}
