package org.stockroom.desktop.stocktake;

import org.stockroom.client.IdempotencyKeys;
import org.stockroom.client.ProblemException;
import org.stockroom.client.Page;
import org.stockroom.client.Versioned;
import org.stockroom.client.model.NewStocktake;
import org.stockroom.client.model.Stocktake;
import org.stockroom.client.model.StocktakeLine;
import org.stockroom.client.model.StocktakeQuery;
import org.stockroom.client.model.StocktakeStatus;
import org.stockroom.client.model.StocktakeSummary;
import org.stockroom.desktop.connection.Failures;
import org.stockroom.desktop.connection.ServerConnection;

import javax.swing.BorderFactory;
import javax.swing.DefaultCellEditor;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableCellRenderer;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A stocktake, as a clerk counts a location: pick the location, start its count (or carry on
 * with the one open there), see the products there, type what is on the shelf into the Counted
 * column and see the difference from what was on hand as it was typed. A manager posts the
 * differences as adjustments (with the version shown, so nobody's later count is posted unseen),
 * and a clerk may cancel the count. Refusals are shown in a dialog. Named {@code StocktakeDialog}.
 */
public final class StocktakeDialog extends JDialog {

    private final ServerConnection connection;
    private final boolean mayPost;
    private final Runnable onPosted;
    private final JComboBox<String> location;
    private final JButton start = new JButton("Start or resume count");
    private final JLabel status = new JLabel("Choose a location and start its count.");
    private final StocktakeLinesModel lines = new StocktakeLinesModel(this::count);
    private final JTable table = new JTable(lines);
    private final JTextField otherSku = new JTextField(14);
    private final JTextField otherCounted = new JTextField(6);
    private final JButton countOther = new JButton("Count");
    private final JButton refresh = new JButton("Refresh");
    private final JButton cancel = new JButton("Cancel count");
    private final JButton post = new JButton("Post differences");
    private Stocktake shown;
    private String etag;

    /**
     * @param locations the location codes to choose from (any other can be typed)
     * @param onPosted  runs after a posting changed the stock
     */
    public StocktakeDialog(Window owner, ServerConnection connection, List<String> locations, Runnable onPosted) {
        super(owner, "Stocktake", ModalityType.MODELESS);
        this.connection = connection;
        this.mayPost = connection.session().mayPostStocktakes();
        this.onPosted = onPosted;
        setName("StocktakeDialog");
        location = new JComboBox<>(locations.toArray(String[]::new));
        location.setEditable(true);
        location.setSelectedItem(locations.size() == 1 ? locations.getFirst() : null);
        location.setName("stocktakeLocation");
        start.setName("startStocktake");
        status.setName("stocktakeStatus");
        table.setName("stocktakeLines");
        otherSku.setName("otherSku");
        otherCounted.setName("otherCounted");
        countOther.setName("countOther");
        refresh.setName("refreshStocktake");
        cancel.setName("cancelStocktake");
        post.setName("postStocktake");

        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.putClientProperty("terminateEditOnFocusLost", true);
        table.setDefaultRenderer(StocktakeLinesModel.Quantity.class, new QuantityRenderer());
        table.getColumnModel().getColumn(StocktakeLinesModel.COUNTED).setCellEditor(numberEditor());
        table.getColumnModel().getColumn(0).setPreferredWidth(140);
        table.getColumnModel().getColumn(1).setPreferredWidth(220);

        start.addActionListener(event -> startOrResume());
        countOther.addActionListener(event -> countOther());
        refresh.addActionListener(event -> reload());
        // The questions these ask come once the click is done, not inside it.
        cancel.addActionListener(event -> SwingUtilities.invokeLater(this::cancelCount));
        post.addActionListener(event -> SwingUtilities.invokeLater(this::postDifferences));
        JButton close = new JButton("Close");
        close.setName("closeStocktake");
        close.addActionListener(event -> dispose());
        getRootPane().registerKeyboardAction(event -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);

        JPanel top = new JPanel(new BorderLayout(0, 6));
        JPanel choose = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        JLabel locationLabel = new JLabel("Location");
        locationLabel.setLabelFor(location);
        choose.add(locationLabel);
        choose.add(location);
        choose.add(start);
        top.add(choose, BorderLayout.NORTH);
        status.putClientProperty("FlatLaf.styleClass", "h4");
        top.add(status, BorderLayout.SOUTH);

        JPanel other = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        JLabel otherLabel = new JLabel("Found something not listed? SKU");
        otherLabel.setLabelFor(otherSku);
        other.add(otherLabel);
        other.add(otherSku);
        JLabel countedLabel = new JLabel("counted");
        countedLabel.setLabelFor(otherCounted);
        other.add(countedLabel);
        other.add(otherCounted);
        other.add(countOther);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        buttons.add(refresh);
        buttons.add(cancel);
        buttons.add(post);
        buttons.add(close);
        JPanel bottom = new JPanel(new BorderLayout(0, 8));
        bottom.add(other, BorderLayout.NORTH);
        bottom.add(buttons, BorderLayout.SOUTH);

        JPanel content = new JPanel(new BorderLayout(0, 8));
        content.setBorder(BorderFactory.createEmptyBorder(12, 12, 10, 12));
        content.add(top, BorderLayout.NORTH);
        content.add(new JScrollPane(table), BorderLayout.CENTER);
        content.add(bottom, BorderLayout.SOUTH);
        setContentPane(content);
        enableFor(null);
        setSize(780, 520);
        setLocationRelativeTo(owner);
    }

    public void open() {
        setVisible(true);
    }

    /** Carries on with the location's open stocktake, or opens one. */
    private void startOrResume() {
        String code = selectedLocation();
        if (code == null) {
            problem("Choose the location to count.");
            return;
        }
        String key = IdempotencyKeys.newKey();
        run(() -> {
            Page<StocktakeSummary> open = connection.client().stocktakes()
                    .list(new StocktakeQuery(StocktakeStatus.OPEN, code, 1, null));
            return open.items().isEmpty()
                    ? connection.client().stocktakes().open(NewStocktake.of(code), key)
                    : connection.client().stocktakes().get(open.items().getFirst().id());
        }, this::show);
    }

    private void reload() {
        if (shown != null) {
            long id = shown.id();
            run(() -> connection.client().stocktakes().get(id), this::show);
        }
    }

    /** Sends a count typed into the table, then shows the stocktake as the server has it now. */
    private void count(String sku, String typed) {
        BigDecimal counted = Counts.parse(typed);
        if (counted == null) {
            problem("'" + typed + "' is not a count: type how many are there, e.g. 12 (or 0 for none).");
            return;
        }
        long id = shown.id();
        run(() -> {
            connection.client().stocktakes().count(id, sku, counted);
            return connection.client().stocktakes().get(id);
        }, this::show);
    }

    private void countOther() {
        String sku = otherSku.getText().strip();
        if (sku.isEmpty()) {
            problem("Type the SKU of what you found.");
            return;
        }
        count(sku, otherCounted.getText());
        otherSku.setText("");
        otherCounted.setText("");
    }

    private void postDifferences() {
        long differing = lines.lines().stream()
                .filter(line -> line.difference() != null && line.difference().signum() != 0).count();
        int answer = JOptionPane.showConfirmDialog(this, "Post " + differing + " difference" + (differing == 1 ? "" : "s")
                        + " of stocktake " + shown.id() + " as adjustments?\nThe count is then closed.",
                "Post stocktake", JOptionPane.YES_NO_OPTION);
        if (answer != JOptionPane.YES_OPTION) {
            return;
        }
        long id = shown.id();
        String version = etag;
        String key = IdempotencyKeys.newKey();
        run(() -> connection.client().stocktakes().post(id, version, key), posted -> {
            show(posted);
            onPosted.run();
        });
    }

    private void cancelCount() {
        int answer = JOptionPane.showConfirmDialog(this, "Cancel stocktake " + shown.id() + "? No stock changes.",
                "Cancel count", JOptionPane.YES_NO_OPTION);
        if (answer == JOptionPane.YES_OPTION) {
            long id = shown.id();
            run(() -> connection.client().stocktakes().cancel(id), this::show);
        }
    }

    private void show(Versioned<Stocktake> read) {
        shown = read.value();
        etag = read.etag();
        location.setSelectedItem(shown.location());
        lines.show(shown.lines(), shown.status() == StocktakeStatus.OPEN && connection.session().mayMoveStock());
        long counted = shown.lines().stream().filter(StocktakeLine::isCounted).count();
        status.setText("Stocktake " + shown.id() + " of " + shown.location() + ": "
                + shown.status().name().toLowerCase(Locale.ROOT)
                + (shown.closedBy() == null ? "" : " by " + shown.closedBy())
                + ", " + counted + " of " + shown.lines().size() + " counted");
        enableFor(shown);
    }

    private void enableFor(Stocktake stocktake) {
        boolean open = stocktake != null && stocktake.status() == StocktakeStatus.OPEN;
        boolean mayCount = connection.session().mayMoveStock();
        start.setEnabled(mayCount);
        refresh.setEnabled(stocktake != null);
        countOther.setEnabled(open && mayCount);
        otherSku.setEnabled(open && mayCount);
        otherCounted.setEnabled(open && mayCount);
        cancel.setEnabled(open && mayCount);
        post.setEnabled(open && mayPost);
        post.setToolTipText(mayPost ? null : "Only a manager posts a stocktake.");
    }

    /**
     * Runs a call in the background. A failure is shown in a dialog; after a refusal the stocktake
     * is read again, so the table shows what the server has, not what was typed.
     */
    private <T> void run(Callable<T> call, Consumer<T> onSuccess) {
        connection.run(call, onSuccess, failure -> {
            problem(Failures.describe(failure));
            if (shown != null && failure instanceof ProblemException refusal && refusal.status() < 500) {
                long id = shown.id();
                connection.run(() -> connection.client().stocktakes().get(id), this::show, ignored -> { });
            }
        });
    }

    /** Says what is wrong in a dialog, once the event that found it (an edit, a click) is done. */
    private void problem(String message) {
        SwingUtilities.invokeLater(() -> {
            if (isDisplayable()) {
                JOptionPane.showMessageDialog(this, message, "Stocktake", JOptionPane.ERROR_MESSAGE);
            }
        });
    }

    private String selectedLocation() {
        Object item = location.getEditor().getItem();
        String text = item == null ? "" : item.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private static DefaultCellEditor numberEditor() {
        JTextField field = new JTextField();
        field.setName("countedEditor");
        field.setHorizontalAlignment(SwingConstants.RIGHT);
        DefaultCellEditor editor = new DefaultCellEditor(field);
        editor.setClickCountToStart(1);
        return editor;
    }

    /** Quantities right-aligned; a difference red when short, green when over. */
    private static final class QuantityRenderer extends DefaultTableCellRenderer {
        QuantityRenderer() {
            setHorizontalAlignment(SwingConstants.RIGHT);
        }

        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focused,
                                                       int row, int column) {
            Component cell = super.getTableCellRendererComponent(table, value, selected, focused, row, column);
            int sign = value instanceof StocktakeLinesModel.Quantity quantity ? quantity.sign() : 0;
            if (!selected) {
                cell.setForeground(sign < 0 ? new Color(0xCF222E) : sign > 0 ? new Color(0x1A7F37)
                        : table.getForeground());
            }
            return cell;
        }
    }
}
