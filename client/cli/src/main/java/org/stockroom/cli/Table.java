package org.stockroom.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table: a header row, columns padded to their widest cell, numbers
 * right-aligned, two spaces between columns and no trailing blanks.
 */
public final class Table {

    public enum Align { LEFT, RIGHT }

    private final List<String> headers = new ArrayList<>();
    private final List<Align> aligns = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    public Table left(String header) {
        return column(header, Align.LEFT);
    }

    public Table right(String header) {
        return column(header, Align.RIGHT);
    }

    private Table column(String header, Align align) {
        if (!rows.isEmpty()) {
            throw new IllegalStateException("add columns before rows");
        }
        headers.add(header);
        aligns.add(align);
        return this;
    }

    /** Adds a row; {@code null} cells print as empty, anything else by {@code toString()}. */
    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(
                    "a row of " + cells.length + " cells for " + headers.size() + " columns");
        }
        rows.add(Arrays.stream(cells).map(cell -> cell == null ? "" : cell.toString()).toArray(String[]::new));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public List<String> lines() {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = headers.get(column).length();
            for (String[] row : rows) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(headers.toArray(String[]::new), widths));
        for (String[] row : rows) {
            lines.add(line(row, widths));
        }
        return lines;
    }

    private String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.length; column++) {
            if (column > 0) {
                line.append("  ");
            }
            String cell = cells[column];
            String padding = " ".repeat(widths[column] - cell.length());
            line.append(aligns.get(column) == Align.RIGHT ? padding + cell : cell + padding);
        }
        return line.toString().stripTrailing();
    }

    @Override
    public String toString() {
        return String.join(System.lineSeparator(), lines());
    }
}
