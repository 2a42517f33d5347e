package org.stockroom.desktop.lots;

import org.stockroom.client.model.LotLevel;
import org.stockroom.desktop.Theme;
import org.stockroom.desktop.table.ListTableModel;
import org.stockroom.desktop.table.ListTableModel.Column;
import org.stockroom.desktop.table.Tables;

import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;
import java.awt.Color;
import java.awt.Component;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The selected lot-tracked product's stock by lot, first expiry first within a location: the
 * table named {@code lots}. Expired lots are shaded red, lots expiring within
 * {@value #SOON_DAYS} days amber.
 */
public final class LotsPanel extends JScrollPane {

    /** How many days ahead a lot counts as expiring soon: the server's default for its report. */
    public static final int SOON_DAYS = 30;

    /** How urgently a lot wants using (or throwing out). */
    public enum Urgency { EXPIRED, SOON, NONE }

    private final ListTableModel<LotLevel> lots = new ListTableModel<>(List.of(
            new Column<>("Location", String.class, LotLevel::location),
            new Column<>("Lot", String.class, LotLevel::lot),
            new Column<>("Expires on", String.class, lot -> lot.expiresOn() == null ? "never" : lot.expiresOn().toString()),
            new Column<>("Expiry", String.class, lot -> status(lot, LocalDate.now())),
            new Column<>("On hand", BigDecimal.class, LotLevel::onHand)));

    public LotsPanel() {
        JTable table = Tables.singleSelection(lots, "lots");
        ExpiryRenderer renderer = new ExpiryRenderer();
        table.setDefaultRenderer(Object.class, renderer);
        table.setDefaultRenderer(Number.class, renderer);
        table.setDefaultRenderer(BigDecimal.class, renderer);
        setViewportView(table);
    }

    public void show(List<LotLevel> rows) {
        lots.setRows(rows);
    }

    /**
     * How urgent a lot is on {@code today}: expired as the server says (it judges by its own
     * date), else expiring within {@value #SOON_DAYS} days, else neither (or it does not expire).
     */
    public static Urgency urgency(LotLevel lot, LocalDate today) {
        if (lot.expired()) {
            return Urgency.EXPIRED;
        }
        if (lot.expiresOn() != null && !lot.expiresOn().isAfter(today.plusDays(SOON_DAYS))) {
            return Urgency.SOON;
        }
        return Urgency.NONE;
    }

    /** The lot's state in words: {@code expired}, {@code today}, {@code in 6 days}, or empty. */
    static String status(LotLevel lot, LocalDate today) {
        return switch (urgency(lot, today)) {
            case EXPIRED -> "expired";
            case SOON -> {
                long days = java.time.temporal.ChronoUnit.DAYS.between(today, lot.expiresOn());
                yield days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + days + " days";
            }
            case NONE -> "";
        };
    }

    /** Shades expired lots red and lots expiring soon amber. */
    private final class ExpiryRenderer extends DefaultTableCellRenderer {

        private static final Color EXPIRED_LIGHT = new Color(0xF8C9C4);
        private static final Color EXPIRED_DARK = new Color(0x6B2620);
        private static final Color SOON_LIGHT = new Color(0xFFF1C2);
        private static final Color SOON_DARK = new Color(0x5C4A12);

        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focused,
                                                       int row, int column) {
            Component cell = super.getTableCellRendererComponent(table, value,
                    selected, focused, row, column);
            Urgency urgency = urgency(lots.rowAt(table.convertRowIndexToModel(row)), LocalDate.now());
            if (!selected) {
                cell.setBackground(switch (urgency) {
                    case EXPIRED -> Theme.isDark() ? EXPIRED_DARK : EXPIRED_LIGHT;
                    case SOON -> Theme.isDark() ? SOON_DARK : SOON_LIGHT;
                    case NONE -> table.getBackground();
                });
            }
            setHorizontalAlignment(value instanceof Number ? RIGHT : LEFT);
            if (value instanceof BigDecimal number) {
                setText(number.toPlainString());
            }
            if (cell instanceof JComponent component) {
                component.setToolTipText(switch (urgency) {
                    case EXPIRED -> "Expired: issues take it only when it is named";
                    case SOON -> "Expires within " + SOON_DAYS + " days";
                    case NONE -> null;
                });
            }
            return cell;
        }
    }
}
