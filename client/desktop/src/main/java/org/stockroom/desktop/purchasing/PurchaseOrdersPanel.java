package org.stockroom.desktop.purchasing;

import org.stockroom.client.model.PurchaseOrder;
import org.stockroom.client.model.PurchaseOrderQuery;
import org.stockroom.client.model.PurchaseOrderStatus;
import org.stockroom.client.model.PurchaseOrderSummary;
import org.stockroom.desktop.connection.ServerConnection;
import org.stockroom.desktop.table.ListTableModel;
import org.stockroom.desktop.table.ListTableModel.Column;
import org.stockroom.desktop.table.Tables;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Purchase orders, newest first (the table {@code purchaseOrders}, filtered by {@code status}),
 * and the selected order's lines with what was ordered, received and is outstanding (the table
 * {@code purchaseOrderLines}). {@code receiveDelivery} opens the receive dialog for an OPEN order.
 */
public final class PurchaseOrdersPanel extends JPanel {

    /** The most orders the list shows: the newest. */
    static final int LISTED = 200;
    private static final String ALL = "All";

    private final ServerConnection connection;
    private final Consumer<Exception> onFailure;
    private final ListTableModel<PurchaseOrderSummary> orders = new ListTableModel<>(List.of(
            new Column<>("Number", String.class, PurchaseOrderSummary::number),
            new Column<>("Supplier", String.class, PurchaseOrderSummary::supplier),
            new Column<>("Status", String.class, order -> order.status().name()),
            new Column<>("Expected", String.class, order -> order.expectedOn() == null ? "" : order.expectedOn().toString()),
            new Column<>("Created by", String.class, PurchaseOrderSummary::createdBy)));
    private final ListTableModel<PurchaseOrder.Line> lines = new ListTableModel<>(List.of(
            new Column<>("SKU", String.class, PurchaseOrder.Line::sku),
            new Column<>("Name", String.class, PurchaseOrder.Line::name),
            new Column<>("Ordered", BigDecimal.class, PurchaseOrder.Line::ordered),
            new Column<>("Received", BigDecimal.class, PurchaseOrder.Line::received),
            new Column<>("Outstanding", BigDecimal.class, PurchaseOrder.Line::outstanding),
            new Column<>("Unit", String.class, PurchaseOrder.Line::unitOfMeasure)));
    private final JTable orderTable = Tables.singleSelection(orders, "purchaseOrders");
    private final JComboBox<String> status = new JComboBox<>(new String[] {ALL, "OPEN", "RECEIVED", "CANCELLED"});
    private final JLabel selectedOrder = new JLabel(" ");
    private final JButton receive = new JButton("Receive...");
    private final boolean mayReceive;
    private PurchaseOrder shown;
    private Consumer<PurchaseOrder> onReceive = order -> { };

    public PurchaseOrdersPanel(ServerConnection connection, Consumer<Exception> onFailure) {
        super(new BorderLayout());
        setName("purchaseOrdersPanel");
        this.connection = connection;
        this.onFailure = onFailure;
        this.mayReceive = connection.session().mayMoveStock();

        status.setName("status");
        status.addActionListener(event -> reload());
        JButton refresh = new JButton("Refresh");
        refresh.setName("refreshPurchaseOrders");
        refresh.addActionListener(event -> reload());
        JPanel filters = new JPanel(new FlowLayout(FlowLayout.LEFT));
        filters.add(new JLabel("Status"));
        filters.add(status);
        filters.add(refresh);

        orderTable.getSelectionModel().addListSelectionListener(event -> {
            if (!event.getValueIsAdjusting()) {
                showSelected();
            }
        });
        selectedOrder.setName("selectedOrder");
        selectedOrder.putClientProperty("FlatLaf.styleClass", "h3");
        receive.setName("receiveDelivery");
        receive.setEnabled(false);
        receive.setToolTipText(mayReceive ? "Receive a delivery against the selected open order"
                : "Receiving needs the clerk role");
        receive.addActionListener(event -> {
            if (shown != null) {
                onReceive.accept(shown);
            }
        });
        JPanel heading = new JPanel(new BorderLayout());
        heading.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        heading.add(selectedOrder, BorderLayout.CENTER);
        heading.add(receive, BorderLayout.EAST);
        JPanel detail = new JPanel(new BorderLayout());
        detail.add(heading, BorderLayout.NORTH);
        detail.add(new JScrollPane(Tables.singleSelection(lines, "purchaseOrderLines")), BorderLayout.CENTER);

        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(orderTable), detail);
        split.setResizeWeight(0.5);
        add(filters, BorderLayout.NORTH);
        add(split, BorderLayout.CENTER);
    }

    /** What the Receive button does with the selected order. */
    public void onReceive(Consumer<PurchaseOrder> action) {
        onReceive = action;
    }

    /** Fetches the newest orders of the chosen status, keeping the selection where it can. */
    public void reload() {
        String selected = selectedNumber();
        Object chosen = status.getSelectedItem();
        PurchaseOrderStatus filter = ALL.equals(chosen) ? null : PurchaseOrderStatus.valueOf(chosen.toString());
        connection.run(() -> connection.client().purchaseOrders()
                        .list(new PurchaseOrderQuery(filter, null, LISTED, null)).items(),
                (List<PurchaseOrderSummary> found) -> {
                    orders.setRows(found);
                    select(selected);
                }, onFailure);
    }

    /** Fetches the selected order's lines again, e.g. after a delivery. */
    public void showSelected() {
        String number = selectedNumber();
        if (number == null) {
            show(null);
            return;
        }
        connection.run(() -> connection.client().purchaseOrders().get(number).value(), order -> {
            if (Objects.equals(number, selectedNumber())) {
                show(order);
            }
        }, onFailure);
    }

    private void show(PurchaseOrder order) {
        shown = order;
        lines.setRows(order == null ? List.of() : order.lines());
        selectedOrder.setText(order == null ? " " : describe(order));
        receive.setEnabled(mayReceive && order != null && order.status() == PurchaseOrderStatus.OPEN);
    }

    /** "PO-1011 from Acme Fasteners: OPEN, expected 2026-12-15". */
    static String describe(PurchaseOrder order) {
        LocalDate expected = order.expectedOn();
        return order.number() + " from " + order.supplier() + ": " + order.status()
                + (expected == null || order.status() != PurchaseOrderStatus.OPEN ? "" : ", expected " + expected);
    }

    private String selectedNumber() {
        int row = orderTable.getSelectedRow();
        return row < 0 ? null : orders.rowAt(orderTable.convertRowIndexToModel(row)).number();
    }

    private void select(String number) {
        List<PurchaseOrderSummary> rows = orders.rows();
        for (int row = 0; row < rows.size(); row++) {
            if (rows.get(row).number().equals(number)) {
                orderTable.setRowSelectionInterval(row, row);
                showSelected();
                return;
            }
        }
        show(null);
    }
}
