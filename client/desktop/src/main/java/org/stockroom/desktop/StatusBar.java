package org.stockroom.desktop;

import org.stockroom.desktop.connection.ConnectionState;
import org.stockroom.desktop.connection.LiveUpdates;
import org.stockroom.desktop.connection.ServerConnection;
import org.stockroom.desktop.connection.UserSession;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.UIManager;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;

/**
 * The line at the bottom: the server connection's state, whether other clients' changes arrive live
 * or by polling, a busy bar, a message, and who is logged in.
 */
final class StatusBar extends JPanel implements ServerConnection.Listener {

    private final JLabel state = new JLabel();
    private final JLabel updates = new JLabel();
    private final JLabel message = new JLabel(" ");
    private final JProgressBar busy = new JProgressBar();

    StatusBar(UserSession session) {
        super(new BorderLayout(12, 0));
        setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Separator.foreground")),
                BorderFactory.createEmptyBorder(3, 8, 3, 8)));
        state.setName("connectionState");
        updates.setName("updates");
        message.setName("statusMessage");
        busy.setName("busy");
        busy.setIndeterminate(true);
        busy.setPreferredSize(new Dimension(80, 12));
        busy.setVisible(false);
        JLabel user = new JLabel(session.username() + " (" + session.role() + ") at " + session.server());
        user.setName("user");

        JPanel left = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 0));
        left.setOpaque(false);
        left.add(state);
        left.add(updates);
        left.add(busy);
        add(left, BorderLayout.WEST);
        add(message, BorderLayout.CENTER);
        add(user, BorderLayout.EAST);
        stateChanged(ConnectionState.CONNECTED);
        updatesChanged(LiveUpdates.Mode.POLLING, 0);
    }

    /** Live, or polling every so often while the stream is down. */
    void updatesChanged(LiveUpdates.Mode mode, int pollMillis) {
        updates.setText("\u25CF " + switch (mode) {
            case LIVE -> mode.label();
            case POLLING -> mode.label() + (pollMillis > 0 ? " every " + seconds(pollMillis) : "");
        });
        updates.setToolTipText(switch (mode) {
            case LIVE -> "Other clients' movements show as they happen";
            case POLLING -> "The live stream is down: the selected product is fetched again every few seconds";
        });
        updates.setForeground(mode == LiveUpdates.Mode.LIVE ? new Color(0x2DA44E) : new Color(0xBF8700));
    }

    private static String seconds(int millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%.1f s", millis / 1000.0);
    }

    void showMessage(String text) {
        message.setText(text == null || text.isBlank() ? " " : text);
    }

    @Override
    public void stateChanged(ConnectionState newState) {
        state.setText("\u25CF " + newState.label());
        state.setForeground(switch (newState) {
            case CONNECTED -> new Color(0x2DA44E);
            case RETRYING -> new Color(0xBF8700);
            case UNAVAILABLE -> new Color(0xCF222E);
        });
    }

    @Override
    public void busyChanged(boolean isBusy) {
        busy.setVisible(isBusy);
    }
}
