package org.stockroom.desktop.login;

import org.stockroom.desktop.DesktopSettings;
import org.stockroom.desktop.connection.Failures;
import org.stockroom.desktop.connection.Login;
import org.stockroom.desktop.connection.ServerConnection;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingWorker;
import javax.swing.UIManager;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Asks for the server, user name and password, and logs in off the event thread. The server
 * and user name are remembered for next time; the password is cleared from memory once sent.
 */
public final class LoginDialog extends JDialog {

    private final DesktopSettings settings;
    private final JTextField server = new JTextField(28);
    private final JTextField username = new JTextField(18);
    private final JPasswordField password = new JPasswordField(18);
    private final JTextArea message = new JTextArea(2, 28);
    private final JProgressBar busy = new JProgressBar();
    private final JButton logIn = new JButton("Log in");
    private ServerConnection connection;

    public LoginDialog(Window owner, DesktopSettings settings) {
        super(owner, "Log in to Stockroom", ModalityType.APPLICATION_MODAL);
        this.settings = settings;
        setName("login");
        server.setName("server");
        username.setName("username");
        password.setName("password");
        message.setName("message");
        logIn.setName("logIn");
        server.setText(settings.server());
        username.setText(settings.username());

        JPanel fields = new JPanel(new GridBagLayout());
        addRow(fields, 0, "Server", server);
        addRow(fields, 1, "User name", username);
        addRow(fields, 2, "Password", password);

        message.setEditable(false);
        message.setLineWrap(true);
        message.setWrapStyleWord(true);
        message.setOpaque(false);
        message.setForeground(UIManager.getColor("Component.error.focusedBorderColor"));
        busy.setIndeterminate(true);
        busy.setVisible(false);

        JButton cancel = new JButton("Cancel");
        cancel.setName("cancel");
        cancel.addActionListener(event -> dispose());
        logIn.addActionListener(event -> logIn());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(busy);
        buttons.add(logIn);
        buttons.add(cancel);

        JPanel content = new JPanel(new BorderLayout(0, 8));
        content.setBorder(BorderFactory.createEmptyBorder(16, 16, 8, 16));
        content.add(fields, BorderLayout.NORTH);
        content.add(message, BorderLayout.CENTER);
        content.add(buttons, BorderLayout.SOUTH);
        setContentPane(content);
        getRootPane().setDefaultButton(logIn);
        getRootPane().registerKeyboardAction(event -> dispose(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        pack();
        setResizable(false);
        setLocationRelativeTo(owner);
    }

    /** Shows the dialog until the user has logged in (the connection) or given up (empty). */
    public Optional<ServerConnection> ask() {
        (username.getText().isBlank() ? username : password).requestFocusInWindow();
        setVisible(true);
        return Optional.ofNullable(connection);
    }

    private void logIn() {
        String serverUrl = server.getText().strip();
        String user = username.getText().strip();
        char[] secret = password.getPassword();
        if (serverUrl.isEmpty() || user.isEmpty() || secret.length == 0) {
            message.setText("Enter the server, your user name and your password.");
            return;
        }
        message.setText("");
        setBusy(true);
        new SwingWorker<ServerConnection, Void>() {
            @Override
            protected ServerConnection doInBackground() {
                try {
                    return Login.logIn(serverUrl, user, secret);
                } finally {
                    Arrays.fill(secret, '\0');
                }
            }

            @Override
            protected void done() {
                setBusy(false);
                try {
                    connection = get();
                    settings.setServer(serverUrl);
                    settings.setUsername(user);
                    dispose();
                } catch (ExecutionException e) {
                    Exception failure = e.getCause() instanceof Exception cause ? cause : e;
                    message.setText(failure instanceof IllegalArgumentException
                            ? "Check the server address: " + failure.getMessage()
                            : Failures.describe(failure));
                    password.selectAll();
                    password.requestFocusInWindow();
                    pack();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    private void setBusy(boolean isBusy) {
        busy.setVisible(isBusy);
        logIn.setEnabled(!isBusy);
        server.setEnabled(!isBusy);
        username.setEnabled(!isBusy);
        password.setEnabled(!isBusy);
    }

    private static void addRow(JPanel panel, int row, String label, JComponent field) {
        JLabel caption = new JLabel(label);
        caption.setLabelFor(field);
        GridBagConstraints at = new GridBagConstraints();
        at.gridy = row;
        at.anchor = GridBagConstraints.LINE_START;
        at.insets = new Insets(4, 0, 4, 10);
        panel.add(caption, at);
        at.gridx = 1;
        at.weightx = 1;
        at.fill = GridBagConstraints.HORIZONTAL;
        at.insets = new Insets(4, 0, 4, 0);
        panel.add(field, at);
    }
}
