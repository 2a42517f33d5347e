package org.stockroom.desktop.stock;

import org.stockroom.client.model.StockLevel;
import org.stockroom.desktop.table.ListTableModel;
import org.stockroom.desktop.table.ListTableModel.Column;
import org.stockroom.desktop.table.Tables;

import javax.swing.JScrollPane;
import java.math.BigDecimal;
import java.util.List;

/** The selected product's stock, a row per location: the table named {@code stock}. */
public final class StockPanel extends JScrollPane {

    private final ListTableModel<StockLevel> levels = new ListTableModel<>(List.of(
            new Column<>("Location", String.class, StockLevel::location),
            new Column<>("On hand", BigDecimal.class, StockLevel::onHand)));

    public StockPanel() {
        setViewportView(Tables.singleSelection(levels, "stock"));
    }

    public void show(List<StockLevel> rows) {
        levels.setRows(rows);
    }
}
