package org.stockroom.audit;

import jakarta.json.JsonObject;

import java.util.List;

/** The table {@code audit_event}: events are added and read, never changed (the database refuses it). */
public interface AuditRepository {

    void add(String username, String action, String subjectType, String subjectKey, JsonObject details);

    /** Up to {@code limit} events older than {@code beforeId}, newest first. */
    List<AuditEvent> search(AuditQuery query, Long beforeId, int limit);
}
