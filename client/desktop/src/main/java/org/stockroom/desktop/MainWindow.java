package org.stockroom.desktop;

import org.stockroom.client.Exports;
import org.stockroom.client.ProblemException;
import org.stockroom.desktop.csv.ImportDialog;
import org.stockroom.client.model.Location;
import org.stockroom.client.model.Movement;
import org.stockroom.client.model.MovementType;
import org.stockroom.client.model.PurchaseOrder;
import org.stockroom.client.model.StockLevel;
import org.stockroom.desktop.connection.Failures;
import org.stockroom.desktop.connection.LiveUpdates;
import org.stockroom.desktop.connection.ServerConnection;
import org.stockroom.desktop.dialogs.LocationDialog;
import org.stockroom.desktop.dialogs.MovementDialog;
import org.stockroom.desktop.dialogs.ProductDialog;
import org.stockroom.desktop.dialogs.ReceiveDialog;
import org.stockroom.desktop.products.ProductDetailsPanel;
import org.stockroom.desktop.products.ProductsPanel;
import org.stockroom.desktop.purchasing.PurchaseOrdersPanel;
import org.stockroom.desktop.reservations.ReservationsDialog;
import org.stockroom.desktop.stocktake.StocktakeDialog;

import javax.swing.JFrame;
import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.Timer;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.util.List;
import java.util.Locale;

/**
 * The main window, in two tabs. "Stock": products on the left ({@link ProductsPanel}), and for
 * the selected product its stock per location and its movements ({@link ProductDetailsPanel}),
 * fetched again when the live stream ({@link LiveUpdates}) says the product moved, and every few
 * seconds while the stream is down, so that other clients' changes show. "Purchase orders": the
 * orders and their lines, with the Receive dialog ({@link PurchaseOrdersPanel}, {@link ReceiveDialog}).
 * Reservations of the selected product in their own dialog ({@link ReservationsDialog}); the stock
 * by location shows on hand, reserved and available, and follows the stream's level events.
 * Menus and toolbar from {@link MainActions}. This class assembles them and says what the actions do.
 */
public final class MainWindow extends JFrame {

    private final ServerConnection connection;
    private final Runnable onLogOut;
    private final StatusBar statusBar;
    private final ProductsPanel products;
    private final ProductDetailsPanel details;
    private final PurchaseOrdersPanel purchaseOrders;
    private final JTabbedPane tabs = new JTabbedPane();
    private final MainActions actions;
    private final Timer refresh;
    private final LiveUpdates live;
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
        purchaseOrders = new PurchaseOrdersPanel(connection, this::readFailed);
        purchaseOrders.onReceive(this::receiveDelivery);
        tabs.setName("tabs");
        tabs.addTab("Stock", split);
        tabs.addTab("Purchase orders", purchaseOrders);
        // The orders are fetched when their tab is first shown, and again each time it is chosen.
        tabs.addChangeListener(event -> {
            if (tabs.getSelectedComponent() == purchaseOrders) {
                purchaseOrders.reload();
            }
        });
        getContentPane().add(tabs, BorderLayout.CENTER);
        getContentPane().add(statusBar, BorderLayout.SOUTH);
        actions.applyRole(connection.session());

        int pollMillis = settings.pollMillis();
        refresh = new Timer(pollMillis, event -> details.refresh());
        refresh.start();  // until the stream is up
        live = LiveUpdates.start(connection.client(), new LiveUpdates.Listener() {
            @Override
            public void movementRecorded(Movement movement) {
                if (movement.sku().equals(products.selectedSku())) {
                    statusBar.showMessage(describe(movement));
                    details.refresh();
                }
            }

            @Override
            public void levelChanged(StockLevel level) {
                details.levelChanged(level);
            }

            @Override
            public void reloadNeeded() {
                details.refresh();
            }

            @Override
            public void modeChanged(LiveUpdates.Mode mode) {
                statusBar.updatesChanged(mode, pollMillis);
                if (mode == LiveUpdates.Mode.LIVE) {
                    refresh.stop();
                } else if (isDisplayable()) {
                    refresh.start();
                }
            }
        });
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
        live.close();
        super.dispose();
    }

    /** "Movement 42: issue of 3 BOLT-1 from MAIN, by anna." */
    private static String describe(Movement movement) {
        return "Movement " + movement.id() + ": " + movement.type().name().toLowerCase(Locale.ROOT) + " of "
                + movement.quantity() + " " + movement.sku()
                + (movement.from() == null ? "" : " from " + movement.from())
                + (movement.to() == null ? "" : " to " + movement.to())
                + (movement.recordedBy() == null ? "" : ", by " + movement.recordedBy()) + ".";
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
        public void reservations() {
            new ReservationsDialog(MainWindow.this, connection, products.selectedSku(), locationCodes,
                    details::refresh).open();
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
            if (tabs.getSelectedComponent() == purchaseOrders) {
                purchaseOrders.reload();
            }
        }

        @Override
        public void importCsv() {
            new ImportDialog(MainWindow.this, connection, summary -> {
                statusBar.showMessage("Imported " + summary.kind() + ": " + summary.created() + " created, "
                        + summary.updated() + " updated.");
                loadLocations();
                products.reload();
                details.refresh();
            }).open();
        }

        @Override
        public void export(String kind) {
            JFileChooser chooser = new JFileChooser();
            chooser.setSelectedFile(new java.io.File(kind + ".csv"));
            if (chooser.showSaveDialog(MainWindow.this) != JFileChooser.APPROVE_OPTION) {
                return;
            }
            java.nio.file.Path target = chooser.getSelectedFile().toPath();
            statusBar.showMessage("Exporting " + kind + "...");
            connection.run(() -> {
                        connection.client().exports().download(Exports.Kind.of(kind), Exports.Filter.ALL, target);
                        return target;
                    }, saved -> statusBar.showMessage("Exported " + kind + " to " + saved + "."),
                    MainWindow.this::actionFailed);
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

    /** Opens the Receive dialog for an OPEN order; on success the order's lines and the stock show the delivery. */
    private void receiveDelivery(PurchaseOrder order) {
        new ReceiveDialog(this, order, connection, locationCodes, received -> {
            statusBar.showMessage("Received " + received.lines().size() + " line"
                    + (received.lines().size() == 1 ? "" : "s") + " of " + received.order() + " at "
                    + received.location() + " (receipt " + received.id() + ").");
            purchaseOrders.reload();
            products.reload();
            details.refresh();
        }).open();
    }

    /** Revokes the token on the server (in the background, best effort) and goes back to the log-in dialog. */
    private void logOut() {
        refresh.stop();
        live.close();
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
            live.close();
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
