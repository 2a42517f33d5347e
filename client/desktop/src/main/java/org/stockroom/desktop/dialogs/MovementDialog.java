package org.stockroom.desktop.dialogs;

import org.stockroom.client.model.Movement;
import org.stockroom.client.model.MovementType;
import org.stockroom.client.model.NewMovement;
import org.stockroom.desktop.connection.ServerConnection;

import javax.swing.JComboBox;
import javax.swing.JTextField;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import java.math.BigDecimal;
import java.awt.Window;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Receive, issue, transfer or adjust one product. The request carries an idempotency key that
 * stays the same while the form is unchanged, so sending again after a lost answer cannot
 * move the stock twice. The lot fields ({@code lot}; {@code expiresOn} where stock arrives) are
 * enabled while the SKU names a lot-tracked product, which the dialog asks the server about as
 * the SKU is typed.
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
    private final JTextField lot;
    private final JTextField expiresOn;
    private final JTextField reservation;
    private final Timer lookUp;
    private boolean lotTracked;
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
        lot = addField(type == MovementType.ISSUE || type == MovementType.TRANSFER
                ? "Lot (blank: first to expire)" : "Lot", "lot", new JTextField(16));
        expiresOn = type == MovementType.RECEIVE || type == MovementType.ADJUST
                ? addField("Expires on (YYYY-MM-DD)", "expiresOn", new JTextField(10)) : null;
        // An issue for an order that reserved stock takes it out of that reservation (Stock -> Reservations lists them).
        reservation = type == MovementType.ISSUE
                ? addField("Reservation (number; blank: none)", "reservation", new JTextField(8)) : null;
        lookUp = new Timer(300, event -> lookUpLotTracking());
        lookUp.setRepeats(false);
        sku.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent event) {
                lookUp.restart();
            }

            @Override
            public void removeUpdate(DocumentEvent event) {
                lookUp.restart();
            }

            @Override
            public void changedUpdate(DocumentEvent event) {
                lookUp.restart();
            }
        });
        setLotTracked(false);
        lookUpLotTracking();
    }

    /** Asks the server whether the SKU typed names a lot-tracked product, and enables the lot fields if so. */
    private void lookUpLotTracking() {
        String asked = text(sku);
        if (asked.isEmpty()) {
            setLotTracked(false);
            return;
        }
        connection.run(() -> connection.client().products().get(asked).value().lotTracked(), tracked -> {
            if (asked.equals(text(sku))) {
                setLotTracked(tracked);
            }
        }, failure -> {
            if (asked.equals(text(sku))) {
                setLotTracked(false);  // no such product: the server will say so when the form is sent
            }
        });
    }

    private void setLotTracked(boolean tracked) {
        lotTracked = tracked;
        lot.setEnabled(tracked);
        lot.setToolTipText(tracked ? null : "Only lot-tracked products are kept in lots");
        if (expiresOn != null) {
            expiresOn.setEnabled(tracked);
        }
    }

    @Override
    public void dispose() {
        lookUp.stop();
        super.dispose();
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
        if (lotTracked && (type == MovementType.RECEIVE || type == MovementType.ADJUST) && text(lot).isEmpty()) {
            problems.add("Enter the lot: the product is lot-tracked.");
        }
        if (expiresOn != null && lotTracked && !text(expiresOn).isEmpty() && date(expiresOn) == null) {
            problems.add("The expiry date must be a date such as 2027-01-31.");
        }
        if (reservation != null && !text(reservation).isEmpty() && reservationNumber() == null) {
            problems.add("The reservation must be its number, such as 17.");
        }
        return problems;
    }

    @Override
    protected void submit() {
        NewMovement movement = new NewMovement(type, text(sku), number(quantity),
                from == null ? null : selected(from), to == null ? null : selected(to), textOrNull(reason), textOrNull(reference),
                lotTracked ? textOrNull(lot) : null, lotTracked && expiresOn != null ? date(expiresOn) : null)
                .withReservation(reservationNumber());
        String key = keys.keyFor(movement);
        connection.run(() -> connection.client().movements().record(movement, key), recorded -> {
            succeeded();
            onRecorded.accept(recorded);
        }, this::refused);
    }

    /** The reservation's number in its field, or null when there is none, or it is blank or no number. */
    private Long reservationNumber() {
        if (reservation == null || text(reservation).isEmpty()) {
            return null;
        }
        try {
            long number = Long.parseLong(text(reservation));
            return number > 0 ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The date in the field, or null when it is blank or not a date. */
    private static LocalDate date(JTextField field) {
        try {
            return text(field).isEmpty() ? null : LocalDate.parse(text(field));
        } catch (DateTimeParseException e) {
            return null;
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
