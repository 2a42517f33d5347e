package org.stockroom.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Reads a point in time the way people type it: an ISO instant ({@code 2025-11-21T10:15:00Z}),
 * a local date and time ({@code 2025-11-21T10:15}) or a date ({@code 2025-11-21}, meaning its
 * start), the last two in the local time zone.
 */
final class InstantConverter implements ITypeConverter<Instant> {

    private final ZoneId zone;

    InstantConverter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Instant convert(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            // try the local forms
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException notALocalDateTime) {
            // try a date
        }
        try {
            return LocalDate.parse(value).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException notADate) {
            throw new TypeConversionException(
                    "'" + value + "' is not a date or time; use e.g. 2025-11-21, 2025-11-21T10:15"
                            + " or 2025-11-21T09:15:00Z");
        }
    }
}
