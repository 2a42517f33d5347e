package org.stockroom.audit;

import java.time.Instant;

/**
 * Filters of the audit trail listing; null means "don't filter on this".
 *
 * @param username events of this user, ignoring case
 * @param since    events at or after this time
 */
public record AuditQuery(String username, Instant since) {
}
