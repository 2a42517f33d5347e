package org.stockroom.desktop.dialogs;

import org.stockroom.client.model.Movement;
import org.stockroom.client.model.MovementType;
import org.stockroom.client.model.NewMovement;
import org.stockroom.desktop.connection.ServerConnection;

import javax.swing.JComboBox;
import javax.swing.JTextField;
import java.math.BigDecimal;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Receive, issue, transfer or adjust one product. The request carries an idempotency key that
 * stays the same while the form is unchanged, so sending again after a lost answer cannot
 * move the stock twice.
 */
public final class MovementDialog extends FormDialog {

    private final MovementType type;
    private final ServerConnection connection;
    private final Consumer<Movement> onRecorded;
    private final JTextField sku;
    private final JTextField quantity;
    private final JComboBox<String> from;
    private final JComboBox<String> to;
    private final JTextField reason;
    private final JTextField reference;
    private final RequestKeys keys = new RequestKeys();

    public MovementDialog(Window owner, MovementType type, ServerConnection connection, String selectedSku,
                          List<String> locations, Consumer<Movement> onRecorded) {
        super(owner, titleOf(type), verbOf(type));
        this.type = type;
        this.connection = connection;
        this.onRecorded = onRecorded;
        sku = addField("Product (SKU)", "sku", new JTextField(selectedSku == null ? "" : selectedSku, 20));
        quantity = addField(type == MovementType.ADJUST ? "Change (+/-)" : "Quantity", "quantity", new JTextField(8));
        from = type == MovementType.ISSUE || type == MovementType.TRANSFER
                ? addField("From location", "from", locationBox(locations)) : null;
        to = type == MovementType.RECEIVE || type == MovementType.TRANSFER || type == MovementType.ADJUST
                ? addField(type == MovementType.ADJUST ? "At location" : "To location", "to", locationBox(locations)) : null;
        reason = addField(type == MovementType.ADJUST ? "Reason (required)" : "Reason", "reason", new JTextField(20));
        reference = addField("Reference", "reference", new JTextField(20));
    }

    public void open() {
        showCentred();
    }

    @Override
    protected List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (text(sku).isEmpty()) {
            problems.add("Enter the product's SKU.");
        }
        BigDecimal amount = number(quantity);
        if (amount == null) {
            problems.add("The quantity must be a number, such as 12 or 2.5.");
        } else if (type == MovementType.ADJUST ? amount.signum() == 0 : amount.signum() <= 0) {
            problems.add(type == MovementType.ADJUST ? "The change must not be zero." : "The quantity must be more than zero.");
        }
        if (from != null && selected(from) == null) {
            problems.add("Choose the location the stock leaves.");
        }
        if (to != null && selected(to) == null) {
            problems.add(type == MovementType.ADJUST ? "Choose the location to adjust." : "Choose the location the stock goes to.");
        }
        if (from != null && to != null && selected(from) != null && selected(from).equals(selected(to))) {
            problems.add("A transfer needs two different locations.");
        }
        if (type == MovementType.ADJUST && text(reason).isEmpty()) {
            problems.add("Say why the stock is adjusted (e.g. the count found 3 fewer).");
        }
        return problems;
    }

    @Override
    protected void submit() {
        NewMovement movement = new NewMovement(type, text(sku), number(quantity),
                from == null ? null : selected(from), to == null ? null : selected(to), textOrNull(reason), textOrNull(reference));
        String key = keys.keyFor(movement);
        connection.run(() -> connection.client().movements().record(movement, key), recorded -> {
            succeeded();
            onRecorded.accept(recorded);
        }, this::refused);
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

    static String titleOf(MovementType type) {
        return switch (type) {
            case RECEIVE -> "Receive stock";
            case ISSUE -> "Issue stock";
            case TRANSFER -> "Transfer stock";
            case ADJUST -> "Adjust stock";
        };
    }

    private static String verbOf(MovementType type) {
        String name = type.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
