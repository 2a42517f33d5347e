package org.stockroom.client.model;

import java.time.Instant;

/** Filters for {@code GET /audit} (newest first); every field may be {@code null} for "any". */
public record AuditQuery(String user, Instant since, Integer limit, String after) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null);
    }

    public AuditQuery withAfter(String cursor) {
        return new AuditQuery(user, since, limit, cursor);
    }
}
