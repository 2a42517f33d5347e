package org.stockroom.csv;

/**
 * Keeps an exported field from being run as a formula when the file is opened in a spreadsheet
 * (CSV injection): a product named {@code =HYPERLINK(...)} by one user must not become a live link
 * or command on a manager's screen. A field that starts with {@code = + - @}, a tab or a carriage
 * return, after any apostrophes, is written with one more apostrophe in front, which a spreadsheet
 * shows as text and does not display; an import takes that apostrophe off again, so an exported
 * file still imports as unchanged. Numbers are not text: {@link CsvWriter} writes them as they are,
 * a negative adjustment too.
 */
final class SpreadsheetFormulas {

    private SpreadsheetFormulas() {
    }

    /** The field as it is written to a file. */
    static String guarded(String value) {
        return startsLikeAFormula(value) ? "'" + value : value;
    }

    /** The field as it was before {@link #guarded}: one apostrophe off a guarded field, anything else as it is. */
    static String unguarded(String value) {
        return value != null && value.startsWith("'") && startsLikeAFormula(value.substring(1))
                ? value.substring(1) : value;
    }

    private static boolean startsLikeAFormula(String value) {
        int first = 0;
        while (first < value.length() && value.charAt(first) == '\'') {
            first++;
        }
        if (first == value.length()) {
            return false;
        }
        char c = value.charAt(first);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
