package org.stockroom.api;

import org.stockroom.problem.InvalidRequestException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Small helpers for optional query parameters. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * A yes/no filter: absent or blank is false, {@code true} or {@code false} in any case is
     * itself, anything else is a 422, so that {@code belowReorder=yes} is not silently "no".
     */
    public static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException(name, "must be true or false");
        };
    }

    // Years 1 to 9999: PostgreSQL's timestamptz cannot hold all that Java parses (a 500, not a 422).
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /**
     * A point in time such as {@code since}: an instant ({@code 2026-11-01T08:00:00Z}), an offset
     * date-time, or a date (from its start, UTC), in the years 1 to 9999; absent is null,
     * anything else a 422.
     */
    public static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                instant = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new InvalidRequestException(name,
                        "must be an ISO-8601 date-time such as 2026-11-01T08:00:00Z, or a date such as 2026-11-01");
            }
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidRequestException(name, "must be in the years 1 to 9999");
        }
        return instant;
    }
}
