package org.stockroom.desktop.dialogs;

import org.stockroom.client.model.NewReceipt;
import org.stockroom.client.model.PurchaseOrder;
import org.stockroom.client.model.PurchaseReceipt;
import org.stockroom.desktop.connection.ServerConnection;

import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.table.AbstractTableModel;
import java.awt.Dimension;
import java.awt.Window;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Receive a delivery against a purchase order: the quantity that arrived of each line (the
 * table {@code receiptLines}, its last column editable; blank or 0 for a line that did not come),
 * the location it goes into and the delivery's own reference. The request carries an idempotency
 * key that stays the same while the form is unchanged, so sending again after a lost answer
 * cannot receive the delivery twice. The server refuses more than is outstanding unless the order
 * allows it; the dialog then shows why.
 */
public final class ReceiveDialog extends FormDialog {

    private final PurchaseOrder order;
    private final ServerConnection connection;
    private final Consumer<PurchaseReceipt> onReceived;
    private final JComboBox<String> location;
    private final JTextField reference;
    private final Quantities quantities;
    private final JTable table;
    private final RequestKeys keys = new RequestKeys();

    public ReceiveDialog(Window owner, PurchaseOrder order, ServerConnection connection, List<String> locations,
                         Consumer<PurchaseReceipt> onReceived) {
        super(owner, "Receive purchase order " + order.number(), "Receive");
        this.order = order;
        this.connection = connection;
        this.onReceived = onReceived;
        addField("Purchase order", "order", new JLabel(order.number() + " from " + order.supplier()));
        location = addField("Into location", "location", locationBox(locations));
        reference = addField("Delivery note", "reference", new JTextField(20));
        quantities = new Quantities(order.lines());
        table = new JTable(quantities);
        table.setName("receiptLines");
        table.setRowSelectionAllowed(false);
        table.putClientProperty("terminateEditOnFocusLost", Boolean.TRUE);
        JScrollPane lines = new JScrollPane(table);
        lines.setPreferredSize(new Dimension(560, 24 + 22 * Math.min(Math.max(order.lines().size(), 2), 8)));
        addField("Arrived", "receiptLinesPane", lines);
    }

    public void open() {
        showCentred();
    }

    @Override
    protected List<String> problems() {
        stopEditing();
        List<String> problems = new ArrayList<>();
        if (selected(location) == null) {
            problems.add("Choose the location the goods go into.");
        }
        List<String> unreadable = quantities.unreadable();
        if (!unreadable.isEmpty()) {
            problems.add("The quantity of " + String.join(", ", unreadable) + " must be a number, such as 12 or 2.5.");
        } else if (quantities.arrived().isEmpty()) {
            problems.add("Enter the quantity that arrived of at least one line.");
        }
        return problems;
    }

    @Override
    protected void submit() {
        NewReceipt delivery = new NewReceipt(selected(location), quantities.arrived(), textOrNull(reference));
        String key = keys.keyFor(delivery);
        connection.run(() -> connection.client().purchaseOrders().receive(order.number(), delivery, key), received -> {
            succeeded();
            onReceived.accept(received);
        }, this::refused);
    }

    private void stopEditing() {
        if (table.isEditing()) {
            table.getCellEditor().stopCellEditing();
        }
    }

    private static JComboBox<String> locationBox(List<String> locations) {
        JComboBox<String> box = new JComboBox<>(locations.toArray(String[]::new));
        box.setEditable(true);
        box.setSelectedItem(locations.size() == 1 ? locations.getFirst() : null);
        return box;
    }

    private static String selected(JComboBox<String> box) {
        Object item = box.isEditable() ? box.getEditor().getItem() : box.getSelectedItem();
        String text = item == null ? "" : item.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /** The order's lines with the quantity that arrived of each, as typed; starts empty. */
    static final class Quantities extends AbstractTableModel {

        private static final String[] HEADINGS = {"SKU", "Name", "Outstanding", "Unit", "Arrived"};
        private static final int ARRIVED = 4;

        private final List<PurchaseOrder.Line> lines;
        private final String[] typed;

        Quantities(List<PurchaseOrder.Line> lines) {
            this.lines = List.copyOf(lines);
            this.typed = new String[lines.size()];
        }

        /** The lines with a positive quantity, in the order's order. */
        List<NewReceipt.Line> arrived() {
            List<NewReceipt.Line> arrived = new ArrayList<>();
            for (int row = 0; row < lines.size(); row++) {
                BigDecimal quantity = quantity(row);
                if (quantity != null && quantity.signum() != 0) {
                    arrived.add(new NewReceipt.Line(lines.get(row).sku(), quantity));
                }
            }
            return arrived;
        }

        /** The SKUs whose typed quantity is no number. */
        List<String> unreadable() {
            List<String> unreadable = new ArrayList<>();
            for (int row = 0; row < lines.size(); row++) {
                if (!blank(row) && quantity(row) == null) {
                    unreadable.add(lines.get(row).sku());
                }
            }
            return unreadable;
        }

        private boolean blank(int row) {
            return typed[row] == null || typed[row].isBlank();
        }

        private BigDecimal quantity(int row) {
            if (blank(row)) {
                return null;
            }
            try {
                return new BigDecimal(typed[row].strip());
            } catch (NumberFormatException e) {
                return null;
            }
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
            return column == 2 ? BigDecimal.class : String.class;
        }

        @Override
        public boolean isCellEditable(int row, int column) {
            return column == ARRIVED;
        }

        @Override
        public Object getValueAt(int row, int column) {
            PurchaseOrder.Line line = lines.get(row);
            return switch (column) {
                case 0 -> line.sku();
                case 1 -> line.name();
                case 2 -> line.outstanding();
                case 3 -> line.unitOfMeasure();
                default -> typed[row] == null ? "" : typed[row];
            };
        }

        @Override
        public void setValueAt(Object value, int row, int column) {
            if (column == ARRIVED) {
                typed[row] = value == null ? null : value.toString();
                fireTableCellUpdated(row, column);
            }
        }
    }
}
