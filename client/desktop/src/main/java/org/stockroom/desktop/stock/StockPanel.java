package org.stockroom.desktop.stock;

import org.stockroom.client.model.StockLevel;
import org.stockroom.desktop.table.ListTableModel;
import org.stockroom.desktop.table.ListTableModel.Column;
import org.stockroom.desktop.table.Tables;

import javax.swing.JScrollPane;
import java.math.BigDecimal;
import java.util.List;

/**
 * The selected product's stock, a row per location: on hand, reserved and available (on hand -
 * reserved), in the table named {@code stock}.
 */
public final class StockPanel extends JScrollPane {

    private final ListTableModel<StockLevel> levels = new ListTableModel<>(List.of(
            new Column<>("Location", String.class, StockLevel::location),
            new Column<>("On hand", BigDecimal.class, StockLevel::onHand),
            new Column<>("Reserved", BigDecimal.class, StockLevel::reserved),
            new Column<>("Available", BigDecimal.class, StockLevel::available)));

    public StockPanel() {
        setViewportView(Tables.singleSelection(levels, "stock"));
    }

    public void show(List<StockLevel> rows) {
        levels.setRows(rows);
    }

    /** One location's row as the live stream sent it (a reservation there changed); a new location is added. */
    public void update(StockLevel level) {
        if (levels.rows().stream().anyMatch(row -> row.location().equals(level.location()))) {
            levels.replace(row -> row.location().equals(level.location()), level);
        } else {
            levels.addRows(List.of(level));
        }
    }
}
