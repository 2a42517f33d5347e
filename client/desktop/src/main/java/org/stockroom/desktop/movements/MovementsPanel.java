package org.stockroom.desktop.movements;

import org.stockroom.client.model.Movement;
import org.stockroom.desktop.table.ListTableModel;
import org.stockroom.desktop.table.ListTableModel.Column;
import org.stockroom.desktop.table.Tables;

import javax.swing.JScrollPane;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The selected product's movements, newest first: the table named {@code movements}. */
public final class MovementsPanel extends JScrollPane {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final ListTableModel<Movement> movements = new ListTableModel<>(List.of(
            new Column<>("When", String.class, movement -> WHEN.format(movement.occurredAt())),
            new Column<>("Type", String.class, movement -> movement.type().name()),
            new Column<>("Quantity", BigDecimal.class, Movement::quantity),
            new Column<>("From", String.class, Movement::from),
            new Column<>("To", String.class, Movement::to),
            new Column<>("Reference", String.class, Movement::reference),
            new Column<>("Reason", String.class, Movement::reason),
            new Column<>("By", String.class, Movement::recordedBy)));

    public MovementsPanel() {
        setViewportView(Tables.singleSelection(movements, "movements"));
    }

    public void show(List<Movement> rows) {
        movements.setRows(rows);
    }
}
