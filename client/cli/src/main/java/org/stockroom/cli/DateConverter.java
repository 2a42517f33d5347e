package org.stockroom.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads a calendar date, such as an expiry date, as ISO {@code 2027-01-31}, with a plain message otherwise. */
final class DateConverter implements ITypeConverter<LocalDate> {

    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a date; use e.g. 2027-01-31");
        }
    }
}
