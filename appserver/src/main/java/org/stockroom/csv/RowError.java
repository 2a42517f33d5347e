package org.stockroom.csv;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One thing wrong with one row of an imported file.
 *
 * @param line   the line of the file the row starts on (the header is line 1)
 * @param column the column's name in the header, or null when the row as a whole is wrong
 * @param reason what is wrong, in words a user can act on
 */
@Schema(description = "One bad row of an imported CSV file")
public record RowError(
        @Schema(description = "The line the row starts on; the header is line 1", example = "17") long line,
        @Schema(description = "The column, by its header name; absent when the whole row is wrong", example = "sku")
        String column,
        @Schema(description = "What is wrong with it", example = "no product 'BOLT-M9' exists") String reason)
        implements Comparable<RowError> {

    @Override
    public int compareTo(RowError other) {
        int byLine = Long.compare(line, other.line);
        if (byLine != 0) {
            return byLine;
        }
        return column == null ? (other.column == null ? 0 : -1) : other.column == null ? 1 : column.compareTo(other.column);
    }
}
