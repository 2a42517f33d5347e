package org.stockroom.desktop.table;

import javax.swing.JTable;
import javax.swing.ListSelectionModel;

/** The one way the main window's tables are made. */
public final class Tables {

    private Tables() {
    }

    /** A read-only table of one row at a time, named so that tests and screen readers find it. */
    public static JTable singleSelection(ListTableModel<?> model, String name) {
        JTable table = new JTable(model);
        table.setName(name);
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setAutoCreateRowSorter(false);
        table.setFillsViewportHeight(true);
        return table;
    }
}
