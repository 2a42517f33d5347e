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

    /**
     * A point in time such as {@code since}: an instant ({@code 2026-11-01T08:00:00Z}), an offset
     * date-time, or a date (from its start, UTC); absent is null, anything else a 422.
     */
    public static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new InvalidRequestException(name,
                        "must be an ISO-8601 date-time such as 2026-11-01T08:00:00Z, or a date such as 2026-11-01");
            }
        }
    }
}
