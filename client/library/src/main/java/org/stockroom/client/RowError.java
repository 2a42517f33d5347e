package org.stockroom.client;

/** One bad row of an imported file: the line it starts on, its column (null: the whole row) and what is wrong. */
public record RowError(long line, String column, String reason) {
}
