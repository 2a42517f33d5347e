package org.stockroom.desktop;

import org.stockroom.desktop.login.LoginDialog;

import javax.swing.SwingUtilities;
import java.awt.GraphicsEnvironment;

/**
 * Starts the desktop client: the theme, the log-in dialog, then the main window; logging out
 * goes back to the log-in dialog, and cancelling it ends the program.
 */
public final class StockroomDesktop {

    private StockroomDesktop() {
    }

    public static void main(String[] args) {
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("stockroom-desktop: no display to open a window on (is DISPLAY set?); use the CLI, bin/stockroom, instead.");
            System.exit(2);
        }
        DesktopSettings settings = DesktopSettings.forUser();
        System.setProperty("flatlaf.uiScale.allowScaleDown", "true");
        SwingUtilities.invokeLater(() -> {
            Theme.apply(settings.darkTheme());
            logIn(settings);
        });
    }

    /** Shows the log-in dialog, then the main window for the user who logged in. */
    static void logIn(DesktopSettings settings) {
        new LoginDialog(null, settings).ask().ifPresentOrElse(
                connection -> new MainWindow(connection, settings, () -> logIn(settings)).setVisible(true),
                () -> { });
    }
}
