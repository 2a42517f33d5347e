package org.stockroom.desktop.login;

import org.stockroom.desktop.DesktopSettings;
import org.stockroom.desktop.connection.Login;
import org.stockroom.desktop.connection.ServerConnection;
import org.stockroom.desktop.dialogs.FormDialog;

import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.SwingWorker;
import java.awt.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Asks for the server, user name and password, and logs in off the event thread. The server
 * and user name are remembered for next time; the password is cleared from memory once sent.
 */
public final class LoginDialog extends FormDialog {

    private final DesktopSettings settings;
    private final JTextField server;
    private final JTextField username;
    private final JPasswordField password;
    private ServerConnection connection;

    public LoginDialog(Window owner, DesktopSettings settings) {
        super(owner, "Log in to Stockroom", "Log in");
        this.settings = settings;
        setName("login");
        server = addField("Server", "server", new JTextField(settings.server(), 28));
        username = addField("User name", "username", new JTextField(settings.username(), 18));
        password = addField("Password", "password", new JPasswordField(18));
        setResizable(false);
    }

    /** Shows the dialog until the user has logged in (the connection) or given up (empty). */
    public Optional<ServerConnection> ask() {
        (username.getText().isBlank() ? username : password).requestFocusInWindow();
        showCentred();
        return Optional.ofNullable(connection);
    }

    @Override
    protected List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (text(server).isEmpty()) {
            problems.add("Enter the server's address, e.g. http://127.0.0.1:8080.");
        }
        if (text(username).isEmpty()) {
            problems.add("Enter your user name.");
        }
        if (password.getPassword().length == 0) {
            problems.add("Enter your password.");
        }
        return problems;
    }

    @Override
    protected void submit() {
        String serverUrl = text(server);
        String user = text(username);
        char[] secret = password.getPassword();
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
                try {
                    connection = get();
                    settings.setServer(serverUrl);
                    settings.setUsername(user);
                    succeeded();
                } catch (ExecutionException e) {
                    Exception failure = e.getCause() instanceof Exception cause ? cause : e;
                    if (failure instanceof IllegalArgumentException) {
                        refused(new IllegalArgumentException("Check the server address: " + failure.getMessage()));
                    } else {
                        refused(failure);
                    }
                    password.selectAll();
                    password.requestFocusInWindow();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }
}
