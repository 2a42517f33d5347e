package org.stockroom.csv;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes RFC 4180 CSV: CRLF after each record; a field in double quotes (its quotes doubled) when
 * it holds a comma, a quote, a line break or surrounding white space, so that {@link CsvReader}
 * (and a spreadsheet) reads back exactly what was written. Null is written as an empty field.
 * A text field that a spreadsheet would run as a formula is written as text ({@link SpreadsheetFormulas});
 * a {@link BigDecimal} is written as the plain number it is.
 */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void write(List<?> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object field = fields.get(i);
            if (field instanceof BigDecimal number) {
                // A number the database computed is no formula, whatever its sign: an ADJUST of -2 stays -2.
                out.write(number.toPlainString());
            } else if (field != null) {
                out.write(escaped(field.toString()));
            }
        }
        out.write("\r\n");
    }

    public void write(Object... fields) throws IOException {
        write(java.util.Arrays.asList(fields));
    }

    public void flush() throws IOException {
        out.flush();
    }

    static String escaped(String field) {
        String value = SpreadsheetFormulas.guarded(field);
        boolean quote = !value.isEmpty() && (Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1)));
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
