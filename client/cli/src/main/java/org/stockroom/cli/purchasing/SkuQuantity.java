package org.stockroom.cli.purchasing;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.math.BigDecimal;

/** A {@code SKU=QUANTITY} argument, e.g. {@code BOLT-1=10} or {@code CABLE-3=12.5}. */
record SkuQuantity(String sku, BigDecimal quantity) {

    static SkuQuantity parse(String text) {
        int equals = text.lastIndexOf('=');
        if (equals <= 0 || equals == text.length() - 1) {
            throw new TypeConversionException("'" + text + "' is not SKU=QUANTITY, e.g. BOLT-1=10");
        }
        String sku = text.substring(0, equals).strip();
        String quantity = text.substring(equals + 1).strip();
        try {
            return new SkuQuantity(sku, new BigDecimal(quantity));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + quantity + "' in '" + text + "' is not a number");
        }
    }

    /** For picocli. */
    static final class Converter implements ITypeConverter<SkuQuantity> {
        @Override
        public SkuQuantity convert(String value) {
            return parse(value);
        }
    }
}
