package org.stockroom.desktop.stocktake;

import org.stockroom.client.model.StocktakeLine;

import javax.swing.table.AbstractTableModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The lines of a stocktake: SKU, name, counted, expected, difference. The counted cell is the
 * one a clerk types into while the count is open; what they type goes to {@code onCount} and
 * shows once the server has taken it.
 */
final class StocktakeLinesModel extends AbstractTableModel {

    static final int COUNTED = 2;
    private static final String[] HEADINGS = {"SKU", "Name", "Counted", "Expected", "Difference"};

    private final BiConsumer<String, String> onCount;
    private final List<StocktakeLine> lines = new ArrayList<>();
    private boolean editable;

    /** @param onCount hears the SKU and the text typed as its count */
    StocktakeLinesModel(BiConsumer<String, String> onCount) {
        this.onCount = onCount;
    }

    void show(List<StocktakeLine> newLines, boolean countable) {
        lines.clear();
        lines.addAll(newLines);
        editable = countable;
        fireTableDataChanged();
    }

    List<StocktakeLine> lines() {
        return List.copyOf(lines);
    }

    @Override
    public int getRowCount() {
        return lines.size();
    }

    @Override
    public int getColumnCount() {
        return HEADINGS.length;
    }

    @Override
    public String getColumnName(int column) {
        return HEADINGS[column];
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return column < COUNTED ? String.class : Quantity.class;
    }

    @Override
    public boolean isCellEditable(int row, int column) {
        return editable && column == COUNTED;
    }

    @Override
    public Object getValueAt(int row, int column) {
        StocktakeLine line = lines.get(row);
        return switch (column) {
            case 0 -> line.sku();
            case 1 -> line.name();
            case COUNTED -> new Quantity(Counts.plain(line.counted()), 0);
            case 3 -> new Quantity(Counts.plain(line.expected()), 0);
            default -> new Quantity(Counts.signed(line.difference()),
                    line.difference() == null ? 0 : line.difference().signum());
        };
    }

    @Override
    public void setValueAt(Object value, int row, int column) {
        String typed = value == null ? "" : value.toString().strip();
        if (column == COUNTED && !typed.isEmpty() && !typed.equals(Counts.plain(lines.get(row).counted()))) {
            onCount.accept(lines.get(row).sku(), typed);
        }
    }

    /** A quantity as shown, right-aligned; {@code sign} marks a difference (-1, 0, +1) for its colour. */
    record Quantity(String text, int sign) {
        @Override
        public String toString() {
            return text;
        }
    }
}
