package org.stockroom.desktop.table;

import javax.swing.table.AbstractTableModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A read-only table of records, one column per function. */
public class ListTableModel<T> extends AbstractTableModel {

    /** A column: its heading, its type (for alignment and sorting), and how to read it off a row. */
    public record Column<T>(String heading, Class<?> type, Function<T, Object> value) {
    }

    private final List<Column<T>> columns;
    private final List<T> rows = new ArrayList<>();

    public ListTableModel(List<Column<T>> columns) {
        this.columns = List.copyOf(columns);
    }

    public void setRows(List<T> newRows) {
        rows.clear();
        rows.addAll(newRows);
        fireTableDataChanged();
    }

    public void addRows(List<T> more) {
        if (more.isEmpty()) {
            return;
        }
        int first = rows.size();
        rows.addAll(more);
        fireTableRowsInserted(first, rows.size() - 1);
    }

    /** Puts {@code row} in place of the rows that match, e.g. a product with fresh figures. */
    public void replace(java.util.function.Predicate<T> which, T row) {
        for (int i = 0; i < rows.size(); i++) {
            if (which.test(rows.get(i)) && !rows.get(i).equals(row)) {
                rows.set(i, row);
                fireTableRowsUpdated(i, i);
            }
        }
    }

    public T rowAt(int row) {
        return rows.get(row);
    }

    public List<T> rows() {
        return List.copyOf(rows);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public String getColumnName(int column) {
        return columns.get(column).heading();
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return columns.get(column).type();
    }

    @Override
    public Object getValueAt(int row, int column) {
        return columns.get(column).value().apply(rows.get(row));
    }
}
