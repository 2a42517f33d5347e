package org.stockroom.audit;

import jakarta.json.JsonObject;

import java.time.Instant;

/**
 * One line of the audit trail: who did what to which subject, when, and the details of the change.
 *
 * @param action      what happened, e.g. {@code product.revised}
 * @param subjectType what kind of thing it happened to, e.g. {@code product}
 * @param subjectKey  which one: a SKU, a location code, a movement id
 */
public record AuditEvent(long id, Instant occurredAt, String username, String action, String subjectType,
                         String subjectKey, JsonObject details) {
}
