package org.stockroom.desktop.reservations;

import org.stockroom.client.model.NewReservation;
import org.stockroom.client.model.Reservation;
import org.stockroom.client.model.ReservationQuery;
import org.stockroom.client.model.ReservationStatus;
import org.stockroom.desktop.connection.Failures;
import org.stockroom.desktop.connection.ServerConnection;
import org.stockroom.desktop.dialogs.RequestKeys;
import org.stockroom.desktop.table.ListTableModel;
import org.stockroom.desktop.table.ListTableModel.Column;
import org.stockroom.desktop.table.Tables;

import javax.swing.BorderFactory;
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
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The reservations of one product, as a clerk keeps them: reserve a quantity at a location for a
 * reference (an order number), optionally until a date, see the product's reservations newest first
 * (what each still holds, and its status) and release the one selected. Refusals (less available than
 * asked for, a reservation that has closed or changed) are shown in a dialog. Named {@code ReservationsDialog}.
 */
public final class ReservationsDialog extends JDialog {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ServerConnection connection;
    private final Runnable onChanged;
    private final JTextField sku = new JTextField(14);
    private final JComboBox<String> location;
    private final JTextField quantity = new JTextField(6);
    private final JTextField reference = new JTextField(12);
    private final JTextField expires = new JTextField(10);
    private final JButton reserve = new JButton("Reserve");
    private final JButton release = new JButton("Release selected");
    private final JButton refresh = new JButton("Refresh");
    private final JLabel status = new JLabel(" ");
    private final ListTableModel<Reservation> reservations;
    private final JTable table;
    private final RequestKeys keys = new RequestKeys();

    /**
     * @param sku       the product to show first (null: type one)
     * @param locations the location codes to choose from (any other can be typed)
     * @param onChanged runs after a reservation was made or released, so the stock shown can follow
     */
    public ReservationsDialog(Window owner, ServerConnection connection, String sku, List<String> locations,
                              Runnable onChanged) {
        super(owner, "Reservations", ModalityType.MODELESS);
        this.connection = connection;
        this.onChanged = onChanged;
        setName("ReservationsDialog");
        ZoneId zone = ZoneId.systemDefault();
        reservations = new ListTableModel<>(List.of(
                new Column<>("ID", Long.class, Reservation::id),
                new Column<>("Location", String.class, Reservation::location),
                new Column<>("Reference", String.class, Reservation::reference),
                new Column<>("Quantity", BigDecimal.class, Reservation::quantity),
                new Column<>("Remaining", BigDecimal.class, Reservation::remaining),
                new Column<>("Status", String.class, r -> r.status().name().toLowerCase(Locale.ROOT)),
                new Column<>("Expires", String.class, r -> SHOWN.format(r.expiresAt().atZone(zone))),
                new Column<>("By", String.class, Reservation::createdBy)));
        table = Tables.singleSelection(reservations, "reservations");
        // Codes, references and times are what a clerk reads here; the id and figures need little room.
        int[] widths = {40, 130, 130, 75, 75, 70, 130, 90};
        for (int column = 0; column < widths.length; column++) {
            table.getColumnModel().getColumn(column).setPreferredWidth(widths[column]);
        }

        this.sku.setName("reservationSku");
        this.sku.setText(sku == null ? "" : sku);
        this.sku.addActionListener(event -> reload());
        location = new JComboBox<>(locations.toArray(String[]::new));
        location.setEditable(true);
        location.setName("reservationLocation");
        quantity.setName("reservationQuantity");
        reference.setName("reservationReference");
        expires.setName("reservationExpires");
        expires.setToolTipText("A date, e.g. " + LocalDate.now().plusDays(7) + " (the end of that day); empty: the "
                + "server's default, 7 days");
        reserve.setName("reserve");
        release.setName("releaseReservation");
        refresh.setName("refreshReservations");
        status.setName("reservationsStatus");

        // Two rows, so that nothing wraps out of sight in a narrow dialog.
        JPanel what = new JPanel(new FlowLayout(FlowLayout.LEFT));
        what.add(labelled("SKU", this.sku));
        what.add(labelled("Location", location));
        what.add(labelled("Quantity", quantity));
        JPanel forWhat = new JPanel(new FlowLayout(FlowLayout.LEFT));
        forWhat.add(labelled("Reference", reference));
        forWhat.add(labelled("Until", expires));
        forWhat.add(reserve);
        JPanel form = new JPanel(new GridLayout(2, 1));
        form.add(what);
        form.add(forWhat);

        JButton close = new JButton("Close");
        close.setName("closeReservations");
        close.addActionListener(event -> dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(refresh);
        buttons.add(release);
        buttons.add(close);
        JPanel south = new JPanel(new BorderLayout());
        status.setBorder(BorderFactory.createEmptyBorder(0, 8, 0, 8));
        south.add(status, BorderLayout.CENTER);
        south.add(buttons, BorderLayout.EAST);

        getContentPane().add(form, BorderLayout.NORTH);
        getContentPane().add(new JScrollPane(table), BorderLayout.CENTER);
        getContentPane().add(south, BorderLayout.SOUTH);
        getRootPane().registerKeyboardAction(event -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);

        boolean mayReserve = connection.session().mayMoveStock();
        reserve.setEnabled(mayReserve);
        release.setEnabled(false);
        reserve.addActionListener(event -> reserve());
        release.addActionListener(event -> releaseSelected());
        refresh.addActionListener(event -> reload());
        table.getSelectionModel().addListSelectionListener(event -> release.setEnabled(mayReserve
                && selected() != null && selected().status() == ReservationStatus.OPEN));
        setSize(860, 440);
        setLocationRelativeTo(owner);
    }

    /** Shows the dialog and fetches the product's reservations. */
    public void open() {
        setVisible(true);
        reload();
    }

    private static JPanel labelled(String text, JComponent field) {
        JPanel panel = new JPanel(new BorderLayout(4, 0));
        JLabel label = new JLabel(text);
        label.setLabelFor(field);
        panel.add(label, BorderLayout.WEST);
        panel.add(field, BorderLayout.CENTER);
        return panel;
    }

    private void reload() {
        reload(null);
    }

    /** Fetches the product's reservations; {@code done}, when given, says what was just done before the count. */
    private void reload(String done) {
        String shown = sku.getText().strip();
        if (shown.isEmpty()) {
            reservations.setRows(List.of());
            showStatus("Type a SKU to see its reservations.");
            return;
        }
        connection.run(() -> connection.client().reservations()
                        .list(new ReservationQuery(shown, null, null, null, 100, null)).items(),
                found -> {
                    reservations.setRows(found);
                    long open = found.stream().filter(r -> r.status() == ReservationStatus.OPEN).count();
                    showStatus((done == null ? "" : done + " ") + shown + ": " + found.size() + " reservation"
                            + (found.size() == 1 ? "" : "s") + ", " + open + " open.");
                },
                this::refused);
    }

    private void reserve() {
        String typedLocation = location.getEditor().getItem() == null ? "" : location.getEditor().getItem().toString().strip();
        BigDecimal amount;
        try {
            amount = new BigDecimal(quantity.getText().strip());
        } catch (NumberFormatException e) {
            amount = null;
        }
        Instant until = null;
        String problem = null;
        if (sku.getText().isBlank()) {
            problem = "Type the SKU to reserve.";
        } else if (typedLocation.isEmpty()) {
            problem = "Choose the location the stock is held at.";
        } else if (amount == null || amount.signum() <= 0) {
            problem = "Type how much to reserve, e.g. 12.";
        } else if (reference.getText().isBlank()) {
            problem = "Type what it is held for, e.g. the order number.";
        } else if (!expires.getText().isBlank()) {
            try {
                until = LocalDate.parse(expires.getText().strip()).plusDays(1).atStartOfDay(ZoneId.systemDefault())
                        .toInstant();
            } catch (DateTimeParseException e) {
                problem = "'" + expires.getText().strip() + "' is not a date: type one like " + LocalDate.now().plusDays(7)
                        + ", or leave it empty.";
            }
        }
        if (problem != null) {
            JOptionPane.showMessageDialog(this, problem, "Reservations", JOptionPane.ERROR_MESSAGE);
            return;
        }
        NewReservation reservation = new NewReservation(sku.getText().strip(), typedLocation, amount,
                reference.getText().strip(), until);
        String key = keys.keyFor(reservation);
        reserve.setEnabled(false);
        connection.run(() -> connection.client().reservations().reserve(reservation, key).value(), made -> {
            reserve.setEnabled(true);
            quantity.setText("");
            reference.setText("");
            onChanged.run();
            reload("Reserved " + made.quantity().toPlainString() + " " + made.sku() + " at " + made.location()
                    + " for " + made.reference() + " (reservation " + made.id() + ").");
        }, failure -> {
            reserve.setEnabled(true);
            refused(failure);
        });
    }

    private void releaseSelected() {
        Reservation chosen = selected();
        if (chosen == null) {
            return;
        }
        connection.run(() -> connection.client().reservations().release(chosen.id(), "\"" + chosen.version() + "\"")
                        .value(),
                released -> {
                    onChanged.run();
                    reload("Released reservation " + released.id() + " for " + released.reference() + ".");
                },
                failure -> {
                    refused(failure);
                    reload();  // it changed or closed meanwhile: show it as it is
                });
    }

    private Reservation selected() {
        int row = table.getSelectedRow();
        return row < 0 ? null : reservations.rowAt(table.convertRowIndexToModel(row));
    }

    private void refused(Exception failure) {
        if (isDisplayable()) {
            JOptionPane.showMessageDialog(this, Failures.describe(failure), "Reservations", JOptionPane.ERROR_MESSAGE);
        }
    }

    /** A long message is cut at the dialog's edge; its tooltip holds all of it. */
    private void showStatus(String text) {
        status.setText(text);
        status.setToolTipText(text);
    }
}
