package org.stockroom.client.model;

/**
 * Filters for {@code GET /lots/expiring}: lots expiring within {@code days} days (null: the
 * server's 30), expired ones included; {@code location} null for all.
 */
public record ExpiringLotQuery(Integer days, String location, Integer limit, String after) {

    public static ExpiringLotQuery within(int days) {
        return new ExpiringLotQuery(days, null, null, null);
    }

    public ExpiringLotQuery withAfter(String cursor) {
        return new ExpiringLotQuery(days, location, limit, cursor);
    }
}
