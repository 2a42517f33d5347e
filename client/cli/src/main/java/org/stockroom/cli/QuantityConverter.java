package org.stockroom.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads a quantity the way people type it: digits with an optional sign and decimal point
 * ({@code 12}, {@code 2.5}, {@code -3}). Exponents are refused, so that {@code 1e3} is not
 * silently a thousand; the server decides how many decimal places the product's unit allows.
 */
final class QuantityConverter implements ITypeConverter<BigDecimal> {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    @Override
    public BigDecimal convert(String value) {
        String trimmed = value.strip();
        if (!DECIMAL.matcher(trimmed).matches()) {
            throw new TypeConversionException("'" + value + "' is not a quantity; use e.g. 12 or 2.5");
        }
        return new BigDecimal(trimmed);
    }
}
