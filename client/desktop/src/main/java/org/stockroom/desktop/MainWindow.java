package org.stockroom.desktop;

import org.stockroom.client.ProblemException;
import org.stockroom.client.model.Location;
import org.stockroom.client.model.MovementType;
import org.stockroom.desktop.connection.Failures;
import org.stockroom.desktop.connection.ServerConnection;
import org.stockroom.desktop.dialogs.LocationDialog;
import org.stockroom.desktop.dialogs.MovementDialog;
import org.stockroom.desktop.dialogs.ProductDialog;
import org.stockroom.desktop.products.ProductDetailsPanel;
import org.stockroom.desktop.products.ProductsPanel;
import org.stockroom.desktop.stocktake.StocktakeDialog;

import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.JSplitPane;
import javax.swing.Timer;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.util.List;

/**
 * The main window: products on the left ({@link ProductsPanel}), and for the selected product
 * its stock per location and its movements ({@link ProductDetailsPanel}), refreshed every few
 * seconds so that other clients' changes show; menus and toolbar from {@link MainActions}.
 * This class assembles them and says what the actions do.
 */
public final class MainWindow extends JFrame {

    static final int REFRESH_MILLIS = 3_000;

    private final ServerConnection connection;
    private final Runnable onLogOut;
    private final StatusBar statusBar;
    private final ProductsPanel products;
    private final ProductDetailsPanel details;
    private final MainActions actions;
    private final Timer refresh;
    private List<String> locationCodes = List.of();

    public MainWindow(ServerConnection connection, DesktopSettings settings, Runnable onLogOut) {
        super("Stockroom \u2014 " + connection.session().username() + " at " + connection.session().server());
        this.connection = connection;
        this.onLogOut = onLogOut;
        setName("main");
        setIconImages(Icons.application());
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        statusBar = new StatusBar(connection.session());
        connection.addListener(statusBar);
        products = new ProductsPanel(connection, this::readFailed, statusBar::showMessage);
        details = new ProductDetailsPanel(connection, products::update, this::readFailed);
        actions = new MainActions(new Commands());
        products.onSelectionChanged(() -> {
            actions.productSelected(products.selectedSku() != null, connection.session());
            details.show(products.selected());
        });

        setJMenuBar(actions.menuBar(settings));
        getContentPane().add(actions.toolBar(), BorderLayout.NORTH);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, products, details);
        split.setResizeWeight(0.55);
        split.setDividerLocation(680);
        getContentPane().add(split, BorderLayout.CENTER);
        getContentPane().add(statusBar, BorderLayout.SOUTH);
        actions.applyRole(connection.session());

        refresh = new Timer(REFRESH_MILLIS, event -> details.refresh());
        refresh.start();
        // Fits a 1366x768 screen with room for a task bar.
        setMinimumSize(new Dimension(900, 560));
        setSize(1280, 700);
        setLocationRelativeTo(null);
        products.reload();
        loadLocations();
    }

    @Override
    public void dispose() {
        refresh.stop();
        super.dispose();
    }

    /** Every location's code, for the movement dialog's choices. */
    private void loadLocations() {
        connection.run(() -> connection.client().locations().all(),
                (List<Location> locations) -> locationCodes = locations.stream().map(Location::code).toList(),
                this::readFailed);
    }

    /** What the menus and the toolbar do. */
    private final class Commands implements MainActions.Commands {

        @Override
        public void moveStock(MovementType type) {
            new MovementDialog(MainWindow.this, type, connection, products.selectedSku(), locationCodes, recorded -> {
                statusBar.showMessage("Recorded " + type.name().toLowerCase() + " of " + recorded.quantity() + " "
                        + recorded.sku() + " (movement " + recorded.id() + ").");
                products.reload();
                details.refresh();
            }).open();
        }

        @Override
        public void stocktake() {
            new StocktakeDialog(MainWindow.this, connection, locationCodes, () -> {
                statusBar.showMessage("Posted a stocktake.");
                products.reload();
                details.refresh();
            }).open();
        }

        @Override
        public void newProduct() {
            ProductDialog.create(MainWindow.this, connection, created -> {
                products.searchFor(created.sku());
                statusBar.showMessage("Created product " + created.sku() + ".");
            });
        }

        @Override
        public void editProduct() {
            String sku = products.selectedSku();
            if (sku == null) {
                return;
            }
            connection.run(() -> connection.client().products().get(sku),
                    current -> ProductDialog.edit(MainWindow.this, connection, current, saved -> {
                        statusBar.showMessage("Saved product " + saved.sku() + ".");
                        products.reload();
                    }),
                    MainWindow.this::actionFailed);
        }

        @Override
        public void newLocation() {
            LocationDialog.create(MainWindow.this, connection, created -> {
                loadLocations();
                statusBar.showMessage("Created location " + created.code() + ".");
            });
        }

        @Override
        public void refresh() {
            products.reload();
        }

        @Override
        public void logOut() {
            MainWindow.this.logOut();
        }

        @Override
        public void quit() {
            dispose();
        }
    }

    /** Revokes the token on the server (in the background, best effort) and goes back to the log-in dialog. */
    private void logOut() {
        refresh.stop();
        connection.run(() -> {
            connection.client().auth().logOut();
            return null;
        }, revoked -> { }, failure -> { });
        dispose();
        onLogOut.run();
    }

    /** A background read failed: the status bar says so; an expired session asks to log in again. */
    private void readFailed(Exception failure) {
        statusBar.showMessage(Failures.describe(failure).lines().findFirst().orElse(""));
        if (failure instanceof ProblemException problem && problem.status() == 401) {
            refresh.stop();
            JOptionPane.showMessageDialog(this, Failures.describe(failure), "Log in again", JOptionPane.WARNING_MESSAGE);
            logOut();
        }
    }

    private void actionFailed(Exception failure) {
        readFailed(failure);
        if (isDisplayable()) {
            JOptionPane.showMessageDialog(this, Failures.describe(failure), "Stockroom", JOptionPane.ERROR_MESSAGE);
        }
    }
}
